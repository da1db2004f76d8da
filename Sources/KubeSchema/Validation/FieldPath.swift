import KubeYAML

/// The path from an object's root to the node being checked, kept as a stack while walking.
///
/// Rendered only when a finding is reported: `spec.template.spec.containers[0].ports[0].containerPort`. Mapping
/// keys are kept as node ids of the document's tree and read as text only then.
struct FieldPath {
    enum Component {
        case key(String)
        case keyNode(Int32)
        case index(Int)
    }

    private(set) var components: [Component] = []
    /// The tree the `keyNode` ids belong to (set by the checker when it starts on a document).
    var tree: YAMLTree?

    init() {
        components.reserveCapacity(32)
    }

    mutating func push(_ key: String) { components.append(.key(key)) }
    /// Pushes a mapping key of `tree` by its node id.
    mutating func push(keyNode id: Int32) { components.append(.keyNode(id)) }
    mutating func push(_ index: Int) { components.append(.index(index)) }
    mutating func pop() { components.removeLast() }

    /// The dotted path; `extra` appends one more key (a missing required field).
    func rendered(appending extra: String? = nil) -> String {
        var text = ""
        for component in components { append(component, to: &text) }
        if let extra { append(.key(extra), to: &text) }
        return text
    }

    private func append(_ component: Component, to text: inout String) {
        switch component {
        case .key, .keyNode:
            if !text.isEmpty { text += "." }
            text += keyText(component) ?? ""
        case .index(let index):
            text += "[\(index)]"
        }
    }

    private func keyText(_ component: Component) -> String? {
        switch component {
        case .key(let key): key
        case .keyNode(let id): tree?.node(id).text
        case .index: nil
        }
    }

    /// The last key on the path (the field being checked), for messages.
    var lastKey: String? {
        for component in components.reversed() {
            if let key = keyText(component) { return key }
        }
        return nil
    }
}
