/// Labelled objects (pod templates, pods) indexed once by namespace and by (namespace, label key, value): the
/// one place every "which pods does this selector select?" question starts from.
///
/// The index hands out *candidates*: positions (in the caller's own array, ascending) that could match. The
/// caller confirms each with the selector itself, so the answer is exactly a scan's, at the cost of the shortest
/// posting list the selector's equality requirements name (`matchLabels`, or `In` with values) instead of the
/// whole namespace.
package struct LabelIndex: Sendable {
    private struct Posting: Hashable {
        var namespace: String
        var key: String
        var value: String
    }

    private var byNamespace: [String: [Int]] = [:]
    private var byLabel: [Posting: [Int]] = [:]

    package init() {}

    /// Makes room for about `objects` objects carrying `labels` labels in all, so that indexing a large input
    /// does not grow (and rehash) the tables step by step.
    package mutating func reserveCapacity(objects: Int, labels: Int) {
        byLabel.reserveCapacity(labels)
        byNamespace.reserveCapacity(min(objects, 1_024))
    }

    /// Indexes the object at `position`; positions must be inserted in ascending order.
    package mutating func insert(_ position: Int, namespace: String, labels: [String: String]) {
        byNamespace[namespace, default: []].append(position)
        for (key, value) in labels {
            byLabel[Posting(namespace: namespace, key: key, value: value), default: []].append(position)
        }
    }

    /// Every position in a namespace, ascending.
    package func positions(in namespace: String) -> [Int] { byNamespace[namespace] ?? [] }

    /// Whether a namespace holds any indexed object.
    package func hasObjects(in namespace: String) -> Bool { byNamespace[namespace] != nil }

    /// The namespaces that hold indexed objects, unordered.
    package var namespaces: Dictionary<String, [Int]>.Keys { byNamespace.keys }

    /// Positions whose labels carry `key: value`, ascending.
    package func positions(in namespace: String, key: String, value: String) -> [Int] {
        byLabel[Posting(namespace: namespace, key: key, value: value)] ?? []
    }

    /// Positions that may carry every label of `labels` (keys for which `ignoring` is true are not looked up):
    /// the shortest posting list among them, or the whole namespace when none is looked up. Ascending.
    package func candidates(
        in namespace: String, requiring labels: [String: String], ignoring: (String) -> Bool = { _ in false }
    ) -> [Int] {
        var best: [Int]? = nil
        for (key, value) in labels where !ignoring(key) {
            let posting = positions(in: namespace, key: key, value: value)
            if best == nil || posting.count < (best?.count ?? 0) { best = posting }
            if posting.isEmpty { break }
        }
        return best ?? positions(in: namespace)
    }

    /// Positions that may match a selector: the shortest of the lists its `matchLabels` and its `In`
    /// requirements name (an `In` of several values counts the union of theirs), or the whole namespace.
    /// Ascending. Keys for which `ignoring` is true are not looked up.
    package func candidates(
        in namespace: String, for selector: LabelSelector, ignoring: (String) -> Bool = { _ in false }
    ) -> [Int] {
        var best = candidates(in: namespace, requiring: selector.matchLabels, ignoring: ignoring)
        var narrowed = selector.matchLabels.contains { !ignoring($0.key) }
        for requirement in selector.matchExpressions
        where requirement.knownOperator == .in && !ignoring(requirement.key) {
            if narrowed, best.isEmpty { break }
            // Each value once (a template has one value per key, so the lists are disjoint); sorted only
            // when two lists were joined: one is ascending already.
            var union: [Int] = []
            var joined = 0
            for (index, value) in requirement.values.enumerated()
            where !requirement.values[..<index].contains(value) {
                let posting = positions(in: namespace, key: requirement.key, value: value)
                if posting.isEmpty { continue }
                if union.isEmpty { union = posting } else { union += posting }
                joined += 1
                if narrowed, union.count >= best.count { break }
            }
            if !narrowed || union.count < best.count {
                best = joined > 1 ? union.sorted() : union
                narrowed = true
            }
        }
        return best
    }
}
