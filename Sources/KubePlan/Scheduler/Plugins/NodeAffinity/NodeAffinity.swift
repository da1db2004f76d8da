import KubeModel

/// `NodeAffinity` (`plugins/nodeaffinity`).
///
/// PreFilter: Skip without nodeSelector and required affinity; when every required term names nodes with
/// `matchFields metadata.name In` (DaemonSet pods), only those nodes are filtered — the others report
/// `node(s) didn't satisfy plugin(s) [NodeAffinity]`; when the terms name no node at all (two `metadata.name`
/// requirements of one term that exclude each other), `pod affinity terms conflict`. Filter: nodeSelector AND any required term.
/// Score: the sum of the weights of matching preferred terms, normalised to the maximum. Weight 2.
package struct NodeAffinityPlugin: PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    package static let name = "NodeAffinity"

    package init() {}

    package func preFilter(
        _ pod: SchedulingSpec, _ state: inout CycleState, _ snapshot: inout ClusterSnapshot
    )
        -> PreFilterResult
    {
        if pod.hasNoNodeConstraint { return .skip }
        guard let terms = pod.requiredNodeTerms, !terms.isEmpty else { return .success }
        var names: Set<String> = []
        for term in terms {
            // The requirements of a term are ANDed: the term names the nodes every `metadata.name In` lists.
            var termNames: Set<String>? = nil
            for field in term.matchFields where field.key == "metadata.name" && field.nodeOperator == .in {
                termNames = termNames.map { $0.intersection(field.values) } ?? Set(field.values)
            }
            guard let termNames else { return .success }
            names.formUnion(termNames)
        }
        if names.isEmpty { return PreFilterResult(.unresolvable(Self.name, Reason.affinityTermsConflict)) }
        let nodes = Set(snapshot.nodes.indices.filter { names.contains(snapshot.nodes[$0].name) })
        state.preFilterNodes = nodes
        return PreFilterResult(.success, nodes: nodes)
    }

    package func filter(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Status? {
        if pod.matchesNodeSelectorAndAffinity(labels: snapshot.nodes[node].labels, nodeName: snapshot.nodes[node].name)
        {
            return nil
        }
        return .unresolvable(Self.name, Reason.nodeAffinity)
    }

    package func preScore(
        _ pod: SchedulingSpec, _ state: inout CycleState, feasible: [Int],
        _ snapshot: inout ClusterSnapshot
    ) -> Status {
        pod.preferredNodeTerms.isEmpty ? .skip : .success
    }

    package func score(
        _ pod: SchedulingSpec, _ state: CycleState, feasible: [Int], _ snapshot: ClusterSnapshot,
        into scores: inout [Int64]
    ) {
        for (position, node) in feasible.enumerated() {
            let labels = snapshot.nodes[node].labels
            let name = snapshot.nodes[node].name
            var total: Int64 = 0
            for preferred in pod.preferredNodeTerms where preferred.term.matches(labels: labels, nodeName: name) {
                total += Int64(preferred.weight)
            }
            scores[position] = total
        }
    }

    package func normalize(_ scores: inout [Int64], _ state: CycleState, feasible: [Int]) {
        defaultNormalizeScore(&scores, reverse: false)
    }
}
