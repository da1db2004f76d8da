/// Static dispatch from the registry's enum to each plugin's extension points.
extension RegisteredPlugin {
    func preFilter(_ pod: SchedulingSpec, _ state: inout CycleState, _ snapshot: inout ClusterSnapshot) -> PreFilterResult {
        switch self {
        case .nodeAffinity(let plugin): plugin.preFilter(pod, &state, &snapshot)
        case .nodePorts(let plugin): plugin.preFilter(pod, &state, &snapshot)
        case .nodeResourcesFit(let plugin): plugin.preFilter(pod, &state, &snapshot)
        case .podTopologySpread(let plugin): plugin.preFilter(pod, &state, &snapshot)
        case .interPodAffinity(let plugin): plugin.preFilter(pod, &state, &snapshot)
        default: .success
        }
    }

    @inline(__always)
    func filter(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Status {
        switch self {
        case .nodeUnschedulable(let plugin): plugin.filter(pod, state, node: node, snapshot)
        case .nodeName(let plugin): plugin.filter(pod, state, node: node, snapshot)
        case .taintToleration(let plugin): plugin.filter(pod, state, node: node, snapshot)
        case .nodeAffinity(let plugin): plugin.filter(pod, state, node: node, snapshot)
        case .nodePorts(let plugin): plugin.filter(pod, state, node: node, snapshot)
        case .nodeResourcesFit(let plugin): plugin.filter(pod, state, node: node, snapshot)
        case .podTopologySpread(let plugin): plugin.filter(pod, state, node: node, snapshot)
        case .interPodAffinity(let plugin): plugin.filter(pod, state, node: node, snapshot)
        default: .success
        }
    }

    func preScore(_ pod: SchedulingSpec, _ state: inout CycleState, feasible: [Int], _ snapshot: inout ClusterSnapshot)
        -> Status {
        switch self {
        case .taintToleration(let plugin): plugin.preScore(pod, &state, feasible: feasible, &snapshot)
        case .nodeAffinity(let plugin): plugin.preScore(pod, &state, feasible: feasible, &snapshot)
        case .nodeResourcesFit: .success
        case .podTopologySpread(let plugin): plugin.preScore(pod, &state, feasible: feasible, &snapshot)
        case .interPodAffinity(let plugin): plugin.preScore(pod, &state, feasible: feasible, &snapshot)
        case .balancedAllocation(let plugin): plugin.preScore(pod, &state, feasible: feasible, &snapshot)
        default: .success
        }
    }

    @inline(__always)
    func score(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Int64 {
        switch self {
        case .taintToleration(let plugin): plugin.score(pod, state, node: node, snapshot)
        case .nodeAffinity(let plugin): plugin.score(pod, state, node: node, snapshot)
        case .nodeResourcesFit(let plugin): plugin.score(pod, state, node: node, snapshot)
        case .podTopologySpread(let plugin): plugin.score(pod, state, node: node, snapshot)
        case .interPodAffinity(let plugin): plugin.score(pod, state, node: node, snapshot)
        case .balancedAllocation(let plugin): plugin.score(pod, state, node: node, snapshot)
        case .imageLocality(let plugin): plugin.score(pod, state, node: node, snapshot)
        default: 0
        }
    }

    func normalize(_ scores: inout [Int64], _ state: CycleState, feasible: [Int]) {
        switch self {
        case .taintToleration(let plugin): plugin.normalize(&scores, state, feasible: feasible)
        case .nodeAffinity(let plugin): plugin.normalize(&scores, state, feasible: feasible)
        case .podTopologySpread(let plugin): plugin.normalize(&scores, state, feasible: feasible)
        case .interPodAffinity(let plugin): plugin.normalize(&scores, state, feasible: feasible)
        default: break
        }
    }
}
