/// The path from an object's root to the node being checked, kept as a stack while walking.
///
/// Rendered only when a finding is reported: `spec.template.spec.containers[0].ports[0].containerPort`.
struct FieldPath {
    enum Component {
        case key(String)
        case index(Int)
    }

    private(set) var components: [Component] = []

    init() {
        components.reserveCapacity(32)
    }

    mutating func push(_ key: String) { components.append(.key(key)) }
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
        case .key(let key):
            if !text.isEmpty { text += "." }
            text += key
        case .index(let index):
            text += "[\(index)]"
        }
    }

    /// The last key on the path (the field being checked), for messages.
    var lastKey: String? {
        for component in components.reversed() {
            if case .key(let key) = component { return key }
        }
        return nil
    }
}
