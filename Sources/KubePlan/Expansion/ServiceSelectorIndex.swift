/// Service selectors (`spec.selector` maps) filed by namespace and one of their labels, to find the Services
/// that select a pod without testing every Service of its namespace.
///
/// A selector selects a pod only when the pod carries each of its labels, so filing it under any one of them
/// (the smallest key, for determinism) loses nothing: looking up each label the pod carries reaches every
/// selecting Service exactly once. Empty selectors select every pod and add no label, so they are not kept.
/// Filed namespace first, so a lookup hashes the namespace once, not once per label of the pod.
struct ServiceSelectorIndex {
    private struct Label: Hashable {
        var key: String
        var value: String
    }

    private var byNamespace: [String: [Label: [[String: String]]]] = [:]

    mutating func insert(_ selector: [String: String], namespace: String) {
        guard let first = selector.min(by: { $0.key < $1.key }) else { return }
        byNamespace[namespace, default: [:]][Label(key: first.key, value: first.value), default: []].append(selector)
    }

    /// Calls `body` with every selector of `namespace` that `labels` satisfy.
    func forEachSelecting(_ labels: [String: String], in namespace: String, _ body: ([String: String]) -> Void) {
        guard let byLabel = byNamespace[namespace] else { return }
        for (key, value) in labels {
            for selector in byLabel[Label(key: key, value: value)] ?? []
            where selector.allSatisfy({ labels[$0.key] == $0.value }) {
                body(selector)
            }
        }
    }
}
