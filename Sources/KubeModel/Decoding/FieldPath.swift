import KubeYAML

/// Finds the field path of a node inside a document, for diagnostics.
///
/// Paths use the API server's notation: keys joined by `.`, sequence items as `[index]`
/// (`spec.template.spec.containers[0].ports[0].containerPort`). Only computed when a finding is made.
package enum FieldPath {
    /// The path from `root` to `node`, or nil when the node is not inside `root`.
    ///
    /// The root itself is `""`.
    package static func locate(_ node: YAMLNode, from root: YAMLNode) -> String? {
        guard node.tree === root.tree else { return nil }
        var components: [String] = []
        guard search(node.id, in: root, &components) else { return nil }
        var path = ""
        for component in components {
            if component.first == "[" || path.isEmpty {
                path += component
            } else {
                path += "." + component
            }
        }
        return path
    }

    /// Depth-first search; `components` holds the path to `target` when it returns true.
    private static func search(_ target: Int32, in node: YAMLNode, _ components: inout [String]) -> Bool {
        if node.id == target { return true }
        switch node.kind {
        case .scalar:
            return false
        case .mapping:
            for (key, value) in node.pairs {
                if key.id == target {
                    components.append(key.text ?? "?")
                    return true
                }
                components.append(key.text ?? "?")
                if search(target, in: value, &components) { return true }
                components.removeLast()
            }
            return false
        case .sequence:
            for (index, item) in node.items.enumerated() {
                components.append("[\(index)]")
                if search(target, in: item, &components) { return true }
                components.removeLast()
            }
            return false
        }
    }
}
