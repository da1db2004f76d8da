import KubeModel

/// The (anti-)affinity terms of placed pods, deduplicated and indexed by one label pair of their selector.
///
/// kube-scheduler scans every existing pod with affinity for each incoming pod. Replicas of one workload
/// carry identical terms, so kubec keeps one entry per distinct term with a count per topology domain, and
/// finds the entries that can match an incoming pod through its labels: O(labels + matching terms) instead
/// of O(existing pods).
package struct ExistingTermIndex: Sendable {
    /// Which list of the owning pod the term came from.
    package enum Kind: UInt8, Sendable, Hashable {
        case requiredAffinity
        case requiredAntiAffinity
        case preferredAffinity
        case preferredAntiAffinity
    }

    /// A term, resolved: what makes two pods' terms the same.
    package struct Signature: Hashable, Sendable {
        package var kind: Kind
        package var weight: Int
        package var selector: LabelSelector
        package var namespaces: NamespaceSet
        /// A `TopologyIndex` key id.
        package var key: Int
    }

    /// A distinct term and how many placed pods carry it, per domain (value id of its key).
    package struct Entry: Sendable {
        package var signature: Signature
        package var domainCounts: [Int32: Int] = [:]
    }

    package private(set) var entries: [Entry] = []
    private var bySignature: [Signature: Int] = [:]
    private var buckets: [LabelPair: [Int]] = [:]
    private var unindexed: [Int] = []
    /// How many entries are required anti-affinity (the symmetry filter skips work when 0).
    package private(set) var requiredAntiAffinityCount = 0

    package init() {}

    /// Records one placed pod's term; `value` is the domain of its node (-1: the node lacks the key and the
    /// term covers no domain).
    package mutating func add(_ signature: Signature, value: Int32) {
        let index: Int
        if let existing = bySignature[signature] {
            index = existing
        } else {
            index = entries.count
            entries.append(Entry(signature: signature))
            bySignature[signature] = index
            if signature.kind == .requiredAntiAffinity { requiredAntiAffinityCount += 1 }
            if let pair = Self.indexPair(signature.selector) {
                buckets[pair, default: []].append(index)
            } else {
                unindexed.append(index)
            }
        }
        if value >= 0 { entries[index].domainCounts[value, default: 0] += 1 }
    }

    /// Entries whose selector matches a pod with these labels in this namespace.
    package func matching(labels: [String: String], namespace: String) -> [Int] {
        var result: [Int] = []
        func consider(_ index: Int) {
            let signature = entries[index].signature
            if signature.namespaces.contains(namespace), signature.selector.matches(labels) { result.append(index) }
        }
        for index in unindexed { consider(index) }
        if buckets.isEmpty { return result }
        for (key, value) in labels {
            guard let list = buckets[LabelPair(key: key, value: value)] else { continue }
            for index in list { consider(index) }
        }
        return result.sorted()
    }

    /// A pair every matching pod must carry: the smallest `matchLabels` key, else a one-value `In`.
    private static func indexPair(_ selector: LabelSelector) -> LabelPair? {
        if let key = selector.matchLabels.keys.min(), let value = selector.matchLabels[key] {
            return LabelPair(key: key, value: value)
        }
        for requirement in selector.matchExpressions where requirement.labelOperator == .in && requirement.values.count == 1 {
            return LabelPair(key: requirement.key, value: requirement.values[0])
        }
        return nil
    }
}
