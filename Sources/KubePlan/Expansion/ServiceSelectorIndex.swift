/// Service selectors (`spec.selector` maps) filed by namespace and one of their labels, to find the Services
/// that select a pod without testing every Service of its namespace.
///
/// A selector selects a pod only when the pod carries each of its labels, so filing it under any one of them
/// (the smallest key, for determinism) loses nothing: looking up each label the pod carries reaches every
/// selecting Service exactly once. Empty selectors select every pod and add no label, so they are not kept.
struct ServiceSelectorIndex {
    private struct Key: Hashable {
        var namespace: String
        var key: String
        var value: String
    }

    private var byLabel: [Key: [[String: String]]] = [:]

    mutating func insert(_ selector: [String: String], namespace: String) {
        guard let first = selector.min(by: { $0.key < $1.key }) else { return }
        byLabel[Key(namespace: namespace, key: first.key, value: first.value), default: []].append(selector)
    }

    /// Calls `body` with every selector of `namespace` that `labels` satisfy.
    func forEachSelecting(_ labels: [String: String], in namespace: String, _ body: ([String: String]) -> Void) {
        for (key, value) in labels {
            for selector in byLabel[Key(namespace: namespace, key: key, value: value)] ?? []
            where selector.allSatisfy({ labels[$0.key] == $0.value }) {
                body(selector)
            }
        }
    }
}
