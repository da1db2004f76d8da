/// `NodePorts` (`plugins/nodeports`): a host port `(ip, protocol, port)` may be used once per node; `0.0.0.0`
/// conflicts with every IP. Skips pods without host ports.
package struct NodePorts: PreFilterPlugin, FilterPlugin {
    package static let name = "NodePorts"

    package init() {}

    package func preFilter(_ pod: SchedulingSpec, _ state: inout CycleState, _ snapshot: inout ClusterSnapshot)
        -> PreFilterResult {
        if pod.hostPorts.isEmpty { return .skip }
        state.nodePorts = pod.hostPorts
        return .success
    }

    package func filter(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Status {
        let used = snapshot.usage[node].hostPorts
        if used.isEmpty { return .success }
        for wanted in state.nodePorts where used.contains(where: { $0.conflicts(with: wanted) }) {
            return .unschedulable(Self.name, Reason.nodePorts)
        }
        return .success
    }
}
