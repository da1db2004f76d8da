import KubeModel

/// `InterPodAffinity` (`plugins/interpodaffinity/filtering.go`): required pod affinity, required pod
/// anti-affinity, and the symmetric check of existing pods' required anti-affinity, in that order.
///
/// Counts are kept per topology domain (`TopologyIndex` key and value ids), computed once in PreFilter from
/// the label postings and the existing-term index, so Filter is a few array and dictionary reads per node.
package struct InterPodAffinity: PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    package static let name = "InterPodAffinity"
    /// `hardPodAffinityWeight` default.
    package static let hardPodAffinityWeight: Int64 = 1

    package init() {}

    package func preFilter(_ pod: SchedulingSpec, _ state: inout CycleState, _ snapshot: inout ClusterSnapshot)
        -> PreFilterResult {
        var filter = InterPodAffinityFilterState()
        if snapshot.existingTerms.requiredAntiAffinityCount > 0 {
            for index in snapshot.existingTerms.matching(labels: pod.labels, namespace: pod.namespace) {
                let entry = snapshot.existingTerms.entries[index]
                guard entry.signature.kind == .requiredAntiAffinity else { continue }
                for (value, count) in entry.domainCounts { filter.existingAnti[entry.signature.key, default: [:]][value, default: 0] += count }
            }
        }
        if pod.requiredAffinity.isEmpty, pod.requiredAntiAffinity.isEmpty, filter.existingAnti.isEmpty { return .skip }

        let affinityKeys = pod.requiredAffinity.map { snapshot.topology.keyID($0.topologyKey) }
        filter.affinityKeys = affinityKeys
        if !pod.requiredAffinity.isEmpty {
            let namespaces = pod.requiredAffinity.map { snapshot.namespaces(of: $0, ownerNamespace: pod.namespace) }
            let first = snapshot.pods(matching: pod.requiredAffinity[0].selector, in: namespaces[0])
            for index in first {
                let existing = snapshot.pods[Int(index)]
                let matchesAll = pod.requiredAffinity.indices.allSatisfy { term in
                    let selector = pod.requiredAffinity[term].selector
                    return namespaces[term].contains(existing.namespace) && (selector?.matches(existing.labels) ?? false)
                }
                guard matchesAll else { continue }
                for key in affinityKeys {
                    let value = snapshot.topology.value(key, node: Int(existing.node))
                    if value >= 0 { filter.affinity[key, default: [:]][value, default: 0] += 1 }
                }
            }
            filter.selfMatchesAllAffinity = pod.requiredAffinity.indices.allSatisfy { term in
                namespaces[term].contains(pod.namespace) && (pod.requiredAffinity[term].selector?.matches(pod.labels) ?? false)
            }
        }
        for term in pod.requiredAntiAffinity {
            let key = snapshot.topology.keyID(term.topologyKey)
            let namespaces = snapshot.namespaces(of: term, ownerNamespace: pod.namespace)
            for index in snapshot.pods(matching: term.selector, in: namespaces) {
                let value = snapshot.topology.value(key, node: Int(snapshot.pods[Int(index)].node))
                if value >= 0 { filter.anti[key, default: [:]][value, default: 0] += 1 }
            }
        }
        state.interPodFilter = filter
        return .success
    }

    package func filter(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Status {
        guard let filter = state.interPodFilter else { return .success }
        if !filter.affinityKeys.isEmpty {
            var podsExist = true
            for key in filter.affinityKeys {
                let value = snapshot.topology.value(key, node: node)
                if value < 0 { return .unresolvable(Self.name, Reason.podAffinity) }
                if (filter.affinity[key]?[value] ?? 0) <= 0 { podsExist = false }
            }
            if !podsExist, !(filter.affinity.isEmpty && filter.selfMatchesAllAffinity) {
                return .unresolvable(Self.name, Reason.podAffinity)
            }
        }
        for (key, counts) in filter.anti {
            let value = snapshot.topology.value(key, node: node)
            if value >= 0, (counts[value] ?? 0) > 0 { return .unschedulable(Self.name, Reason.podAntiAffinity) }
        }
        for (key, counts) in filter.existingAnti {
            let value = snapshot.topology.value(key, node: node)
            if value >= 0, (counts[value] ?? 0) > 0 { return .unschedulable(Self.name, Reason.existingAntiAffinity) }
        }
        return .success
    }
}

/// PreFilter's counts: `[topology key id: [value id: matching pods]]`.
package struct InterPodAffinityFilterState: Sendable {
    /// Existing pods matching every required affinity term, per term key.
    package var affinity: [Int: [Int32: Int]] = [:]
    package var affinityKeys: [Int] = []
    /// The incoming pod matches its own required affinity terms (the first-pod exception).
    package var selfMatchesAllAffinity = false
    /// Existing pods matching each required anti-affinity term of the incoming pod.
    package var anti: [Int: [Int32: Int]] = [:]
    /// Existing pods whose required anti-affinity matches the incoming pod, per their term's domain.
    package var existingAnti: [Int: [Int32: Int]] = [:]
}
