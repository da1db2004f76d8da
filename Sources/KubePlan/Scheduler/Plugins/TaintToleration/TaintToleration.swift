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

    package init(legacyReason: Bool = false) { self.legacyReason = legacyReason }

    package func filter(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Status {
        for taint in snapshot.nodes[node].taints where taint.effect == .noSchedule || taint.effect == .noExecute {
            if pod.tolerations.tolerate(taint) { continue }
            let reason = legacyReason ? Reason.untoleratedTaint(key: taint.key, value: taint.value) : Reason.untoleratedTaints
            return Status(.unschedulableAndUnresolvable, [reason], plugin: Self.name)
        }
        return .success
    }

    package func preScore(_ pod: SchedulingSpec, _ state: inout CycleState, feasible: [Int],
                          _ snapshot: inout ClusterSnapshot) -> Status {
        state.taintScore = TaintTolerationScoreState(
            tolerations: pod.tolerations.filter { $0.effect.rawValue.isEmpty || $0.effect == .preferNoSchedule })
        return .success
    }

    package func score(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Int64 {
        let tolerations = state.taintScore?.tolerations ?? []
        var count: Int64 = 0
        for taint in snapshot.nodes[node].taints where taint.effect == .preferNoSchedule {
            if !tolerations.tolerate(taint) { count += 1 }
        }
        return count
    }

    package func normalize(_ scores: inout [Int64], _ state: CycleState, feasible: [Int]) {
        defaultNormalizeScore(&scores, reverse: true)
    }
}

/// The pod's tolerations that matter for PreferNoSchedule taints.
package struct TaintTolerationScoreState: Sendable {
    package var tolerations: [Toleration]
}
