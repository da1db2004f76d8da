/// `NodeName` (`plugins/nodename`): a pod with `spec.nodeName` fits only that node.
///
/// kubec binds such pods directly (they never reach the scheduler, as in a real cluster); the filter still
/// exists so `--explain` and pods bound to a missing node read like kube-scheduler.
package struct NodeName: FilterPlugin {
    package static let name = "NodeName"

    package init() {}

    package func filter(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Status {
        guard let wanted = pod.nodeName, !wanted.isEmpty else { return .success }
        return wanted == snapshot.nodes[node].name ? .success : .unresolvable(Self.name, Reason.nodeName)
    }
}
