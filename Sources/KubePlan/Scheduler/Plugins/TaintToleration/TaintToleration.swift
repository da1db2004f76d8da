import KubeModel

/// `TaintToleration` (`plugins/tainttoleration`).
///
/// Filter: the first NoSchedule/NoExecute taint the pod does not tolerate rejects the node
/// (UnschedulableAndUnresolvable). Score: the number of PreferNoSchedule taints not tolerated by the pod's
/// tolerations with effect PreferNoSchedule or empty, normalised in reverse (fewest wins). Weight 3.
package struct TaintToleration: FilterPlugin, PreScorePlugin, ScorePlugin {
    package static let name = "TaintToleration"
    /// Use the v1.25–1.33 reason `node(s) had untolerated taint {key: value}`.
    package var legacyReason: Bool
    /// The `TaintTolerationComparisonOperators` feature gate: `Gt`/`Lt` tolerations compare integers.
    package var comparisonOperators: Bool

    package init(legacyReason: Bool = false, comparisonOperators: Bool = false) {
        self.legacyReason = legacyReason
        self.comparisonOperators = comparisonOperators
    }

    package func filter(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Status? {
        guard snapshot.table.hasHardTaints[node] else { return nil }
        for taint in snapshot.nodes[node].taints where taint.effect == .noSchedule || taint.effect == .noExecute {
            if pod.tolerations.tolerate(taint, comparisonOperators: comparisonOperators) { continue }
            let reason =
                legacyReason ? Reason.untoleratedTaint(key: taint.key, value: taint.value) : Reason.untoleratedTaints
            return Status(.unschedulableAndUnresolvable, [reason], plugin: Self.name)
        }
        return nil
    }

    package func preScore(
        _ pod: SchedulingSpec, _ state: inout CycleState, feasible: [Int],
        _ snapshot: inout ClusterSnapshot
    ) -> Status {
        state.taintScore = TaintTolerationScoreState(
            tolerations: pod.tolerations.filter { $0.effect.rawValue.isEmpty || $0.effect == .preferNoSchedule })
        return .success
    }

    package func score(
        _ pod: SchedulingSpec, _ state: CycleState, feasible: [Int], _ snapshot: ClusterSnapshot,
        into scores: inout [Int64]
    ) {
        let tolerations = state.taintScore?.tolerations ?? []
        for (position, node) in feasible.enumerated() {
            var count: Int64 = 0
            if snapshot.table.hasPreferredTaints[node] {
                for taint in snapshot.nodes[node].taints where taint.effect == .preferNoSchedule {
                    if !tolerations.tolerate(taint, comparisonOperators: comparisonOperators) { count += 1 }
                }
            }
            scores[position] = count
        }
    }

    package func normalize(_ scores: inout [Int64], _ state: CycleState, feasible: [Int]) {
        defaultNormalizeScore(&scores, reverse: true)
    }
}

/// The pod's tolerations that matter for PreferNoSchedule taints.
package struct TaintTolerationScoreState: Sendable {
    package var tolerations: [Toleration]
}
