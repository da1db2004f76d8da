import KubeModel

/// `NodeUnschedulable` (`plugins/nodeunschedulable`): a cordoned node (`spec.unschedulable: true`) takes
/// only pods that tolerate `node.kubernetes.io/unschedulable:NoSchedule`.
package struct NodeUnschedulable: FilterPlugin {
    package static let name = "NodeUnschedulable"
    static let taint = Taint(key: "node.kubernetes.io/unschedulable", effect: .noSchedule)

    package init() {}

    package func filter(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Status? {
        guard snapshot.table.unschedulable[node] else { return nil }
        if pod.tolerations.tolerate(Self.taint) { return nil }
        return .unresolvable(Self.name, Reason.nodeUnschedulable)
    }
}
