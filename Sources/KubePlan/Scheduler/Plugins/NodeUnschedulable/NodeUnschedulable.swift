import KubeModel

/// `NodeUnschedulable` (`plugins/nodeunschedulable`): a cordoned node (`spec.unschedulable: true`) takes
/// only pods that tolerate `node.kubernetes.io/unschedulable:NoSchedule`.
package struct NodeUnschedulable: FilterPlugin {
    package static let name = "NodeUnschedulable"
    static let taint = Taint(key: "node.kubernetes.io/unschedulable", effect: .noSchedule)

    package init() {}

    package func filter(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Status {
        guard snapshot.nodes[node].unschedulable else { return .success }
        if pod.tolerations.tolerate(Self.taint) { return .success }
        return .unresolvable(Self.name, Reason.nodeUnschedulable)
    }
}
