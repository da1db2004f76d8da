import KubeModel

/// `NodeAffinity` (`plugins/nodeaffinity`).
///
/// PreFilter: Skip without nodeSelector and required affinity; when every required term names nodes with
/// `matchFields metadata.name In` (DaemonSet pods), only those nodes are filtered — the others report
/// `node(s) didn't satisfy plugin(s) [NodeAffinity]`. Filter: nodeSelector AND any required term.
/// Score: the sum of the weights of matching preferred terms, normalised to the maximum. Weight 2.
package struct NodeAffinityPlugin: PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    package static let name = "NodeAffinity"

    package init() {}

    package func preFilter(_ pod: SchedulingSpec, _ state: inout CycleState, _ snapshot: inout ClusterSnapshot)
        -> PreFilterResult {
        if pod.hasNoNodeConstraint { return .skip }
        guard let terms = pod.requiredNodeTerms, !terms.isEmpty else { return .success }
        var names: Set<String> = []
        for term in terms {
            guard let field = term.matchFields.first(where: { $0.key == "metadata.name" && $0.nodeOperator == .in })
            else { return .success }
            names.formUnion(field.values)
        }
        if names.isEmpty { return PreFilterResult(.unresolvable(Self.name, Reason.affinityTermsConflict)) }
        let nodes = Set(snapshot.nodes.indices.filter { names.contains(snapshot.nodes[$0].name) })
        state.preFilterNodes = nodes
        return PreFilterResult(.success, nodes: nodes)
    }

    package func filter(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Status {
        let target = snapshot.nodes[node]
        if pod.matchesNodeSelectorAndAffinity(labels: target.labels, nodeName: target.name) { return .success }
        return .unresolvable(Self.name, Reason.nodeAffinity)
    }

    package func preScore(_ pod: SchedulingSpec, _ state: inout CycleState, feasible: [Int],
                          _ snapshot: inout ClusterSnapshot) -> Status {
        pod.preferredNodeTerms.isEmpty ? .skip : .success
    }

    package func score(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Int64 {
        let target = snapshot.nodes[node]
        var total: Int64 = 0
        for preferred in pod.preferredNodeTerms where preferred.term.matches(labels: target.labels, nodeName: target.name) {
            total += Int64(preferred.weight)
        }
        return total
    }

    package func normalize(_ scores: inout [Int64], _ state: CycleState, feasible: [Int]) {
        defaultNormalizeScore(&scores, reverse: false)
    }
}
