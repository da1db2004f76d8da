/// kube-scheduler's extension points, one protocol each (`framework/interface.go`). A plugin implements only
/// the points it has upstream. The runner (`Scheduler`) calls them through `RegisteredPlugin`, a closed enum,
/// so the per-node inner loops dispatch statically (no existentials).
package protocol SchedulerPlugin: Sendable {
    /// kube-scheduler's plugin name, used in messages and `--explain`.
    static var name: String { get }
}

/// What a PreFilter returns: a status, and optionally the only nodes worth filtering.
package struct PreFilterResult: Sendable {
    package var status: Status
    /// Node indices; nil means every node.
    package var nodes: Set<Int>?

    package init(_ status: Status = .success, nodes: Set<Int>? = nil) {
        self.status = status
        self.nodes = nodes
    }

    package static let success = PreFilterResult()
    package static let skip = PreFilterResult(.skip)
}

/// Precomputes per-pod state once per cycle; may reject the pod or narrow the nodes.
package protocol PreFilterPlugin: SchedulerPlugin {
    func preFilter(
        _ pod: SchedulingSpec, _ state: inout CycleState, _ snapshot: inout ClusterSnapshot
    ) -> PreFilterResult
}

/// Decides whether one node can run the pod: nil is Success (no status value to build and destroy on the
/// common path), otherwise the failing status with its reasons.
package protocol FilterPlugin: SchedulerPlugin {
    func filter(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Status?
}

/// Precomputes per-pod scoring state over the feasible nodes; `.skip` leaves the plugin out of scoring.
package protocol PreScorePlugin: SchedulerPlugin {
    func preScore(
        _ pod: SchedulingSpec, _ state: inout CycleState, feasible: [Int], _ snapshot: inout ClusterSnapshot
    )
        -> Status
}

/// Scores the feasible nodes, then normalises their scores to 0…100.
///
/// kube calls Score once per node; kubec hands a plugin the whole feasible list (`scores[i]` is the score
/// of `feasible[i]`) so the plugin reads its PreScore state once per pod instead of once per node. The
/// arithmetic per node is kube's.
package protocol ScorePlugin: SchedulerPlugin {
    func score(
        _ pod: SchedulingSpec, _ state: CycleState, feasible: [Int], _ snapshot: ClusterSnapshot,
        into scores: inout [Int64])
    /// `NormalizeScore`; the default leaves the scores as they are.
    func normalize(_ scores: inout [Int64], _ state: CycleState, feasible: [Int])
}

extension ScorePlugin {
    package func normalize(_ scores: inout [Int64], _ state: CycleState, feasible: [Int]) {}
}

/// kube's `helper.DefaultNormalizeScore(MaxNodeScore, reverse, scores)`.
package func defaultNormalizeScore(_ scores: inout [Int64], reverse: Bool) {
    let maxCount = scores.max() ?? 0
    if maxCount == 0 {
        if reverse { for index in scores.indices { scores[index] = maxNodeScore } }
        return
    }
    for index in scores.indices {
        var score = maxNodeScore * scores[index] / maxCount
        if reverse { score = maxNodeScore - score }
        scores[index] = score
    }
}

/// `framework.MaxNodeScore`.
package let maxNodeScore: Int64 = 100

/// Per-pod state the plugins compute in PreFilter/PreScore and read in Filter/Score (kube's `CycleState`).
/// One optional field per plugin that keeps state; nil means "not computed" or "skipped".
package struct CycleState: Sendable {
    package var skippedFilters = PluginSet()
    package var skippedScores = PluginSet()
    package var nodePorts: [HostPort] = []
    package var fit = NodeResourcesFitState()
    package var taintScore: TaintTolerationScoreState?
    package var spreadFilter: PodTopologySpreadFilterState?
    package var spreadScore: PodTopologySpreadScoreState?
    package var interPodFilter: InterPodAffinityFilterState?
    package var interPodScore: InterPodAffinityScoreState?
    /// Nodes allowed by NodeAffinity's PreFilter (DaemonSet pods), for `--explain`.
    package var preFilterNodes: Set<Int>?

    package init() {}
}
