import KubeModel

/// `PodTopologySpread` (`plugins/podtopologyspread`): filter on `DoNotSchedule` constraints, score on
/// `ScheduleAnyway` ones (or the system defaults, hostname/3 and zone/5, when the pod has none). Weight 2.
///
/// Filtering (`filtering.go`): over every node that has all the constraints' keys and passes the inclusion
/// policies (nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore by default), count the pods of the pod's
/// namespace matching each selector per domain; `skew = count(node's domain) + selfMatch − globalMin` must
/// not exceed maxSkew (`globalMin` is 0 when fewer domains than `minDomains`).
package struct PodTopologySpread: PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin {
    package static let name = "PodTopologySpread"
    package static let hostnameKey = "kubernetes.io/hostname"
    package static let zoneKey = "topology.kubernetes.io/zone"

    package init() {}

    package func preFilter(_ pod: SchedulingSpec, _ state: inout CycleState, _ snapshot: inout ClusterSnapshot)
        -> PreFilterResult {
        let hard = pod.spreadConstraints.filter(\.isHard)
        if hard.isEmpty { return .skip }
        let keys = hard.map { snapshot.topology.keyID($0.topologyKey) }
        var constraints: [PodTopologySpreadFilterState.Constraint] = []
        for (position, constraint) in hard.enumerated() {
            var eligible = [Bool](repeating: false, count: snapshot.nodes.count)
            var counts: [Int32: Int] = [:]
            for node in snapshot.nodes.indices where Self.hasAllKeys(keys, node, snapshot) {
                guard Self.passesInclusion(constraint, pod, node, snapshot) else { continue }
                eligible[node] = true
                counts[snapshot.topology.value(keys[position], node: node), default: 0] += 0
            }
            for index in snapshot.pods(matching: constraint.selector, in: .some([pod.namespace])) {
                let node = Int(snapshot.pods[Int(index)].node)
                guard eligible[node] else { continue }
                counts[snapshot.topology.value(keys[position], node: node), default: 0] += 1
            }
            var globalMin = counts.values.min() ?? Int.max / 2
            if counts.count < constraint.minDomains { globalMin = 0 }
            let selfMatch = constraint.selector.map { !$0.isInvalid && $0.matches(pod.labels) } ?? false
            constraints.append(.init(key: keys[position], maxSkew: constraint.maxSkew, counts: counts,
                                     globalMin: globalMin, selfMatch: selfMatch ? 1 : 0))
        }
        state.spreadFilter = PodTopologySpreadFilterState(constraints: constraints)
        return .success
    }

    package func filter(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Status {
        guard let spread = state.spreadFilter else { return .success }
        for constraint in spread.constraints {
            let value = snapshot.topology.value(constraint.key, node: node)
            if value < 0 { return .unresolvable(Self.name, Reason.spreadMissingLabel) }
            let skew = (constraint.counts[value] ?? 0) + constraint.selfMatch - constraint.globalMin
            if skew > constraint.maxSkew { return .unschedulable(Self.name, Reason.spreadConstraints) }
        }
        return .success
    }

    static func hasAllKeys(_ keys: [Int], _ node: Int, _ snapshot: ClusterSnapshot) -> Bool {
        for key in keys where snapshot.topology.value(key, node: node) < 0 { return false }
        return true
    }

    /// `matchNodeInclusionPolicies`: node affinity (Honor by default) and taints (Ignore by default).
    static func passesInclusion(_ constraint: SpreadConstraint, _ pod: SchedulingSpec, _ node: Int,
                                _ snapshot: ClusterSnapshot) -> Bool {
        let target = snapshot.nodes[node]
        if constraint.honorsNodeAffinity, !pod.hasNoNodeConstraint,
           !pod.matchesNodeSelectorAndAffinity(labels: target.labels, nodeName: target.name) {
            return false
        }
        if constraint.honorsTaints {
            for taint in target.taints where taint.effect == .noSchedule || taint.effect == .noExecute {
                if !pod.tolerations.tolerate(taint) { return false }
            }
        }
        return true
    }
}

/// PreFilter's counts for the hard constraints.
package struct PodTopologySpreadFilterState: Sendable {
    package struct Constraint: Sendable {
        package var key: Int
        package var maxSkew: Int
        /// Matching pods per domain (value id); every eligible domain is present, possibly with 0.
        package var counts: [Int32: Int]
        package var globalMin: Int
        package var selfMatch: Int
    }

    package var constraints: [Constraint]
}
