import KubeModel

/// DaemonSet pods (`daemon_controller.go`, `daemonset_util.go`): one per node whose name, nodeSelector,
/// required node affinity and NoSchedule/NoExecute taints the pod accepts — resources are not checked —
/// with the controller's tolerations added and required node affinity replaced by
/// `matchFields: metadata.name In [<node>]`.
extension WorkloadExpander {
    /// The tolerations the DaemonSet controller adds to every daemon pod.
    static func daemonTolerations(hostNetwork: Bool) -> [Toleration] {
        var result = [
            Toleration(key: "node.kubernetes.io/not-ready", operator: .exists, effect: .noExecute),
            Toleration(key: "node.kubernetes.io/unreachable", operator: .exists, effect: .noExecute),
            Toleration(key: "node.kubernetes.io/disk-pressure", operator: .exists, effect: .noSchedule),
            Toleration(key: "node.kubernetes.io/memory-pressure", operator: .exists, effect: .noSchedule),
            Toleration(key: "node.kubernetes.io/pid-pressure", operator: .exists, effect: .noSchedule),
            Toleration(key: "node.kubernetes.io/unschedulable", operator: .exists, effect: .noSchedule),
        ]
        if hostNetwork {
            result.append(
                Toleration(key: "node.kubernetes.io/network-unavailable", operator: .exists, effect: .noSchedule))
        }
        return result
    }

    mutating func expandDaemonSet(_ daemonSet: DaemonSet, _ context: PodContext, name: String) {
        let template = daemonSet.spec.template
        var tolerations = template.spec.tolerations
        for added in Self.daemonTolerations(hostNetwork: template.spec.hostNetwork)
        where !tolerations.contains(where: { $0.key == added.key && $0.effect == added.effect }) {
            tolerations.append(added)
        }
        let probe = SchedulingSpec(
            podSpec: template.spec, labels: template.labels, namespace: context.namespace, priority: 0)
        var labels = template.labels
        labels["controller-revision-hash"] = PodNames.templateHash(template.node)
        labels["pod-template-generation"] = "1"
        let nodeOrder = nodes.indices.sorted { nodes[$0].name < nodes[$1].name }
        for (index, node) in nodeOrder.enumerated() {
            let target = nodes[node]
            if let wanted = template.spec.nodeName, !wanted.isEmpty, wanted != target.name { continue }
            guard probe.matchesNodeSelectorAndAffinity(labels: target.labels, nodeName: target.name) else { continue }
            let blocked = target.taints.contains { taint in
                (taint.effect == .noSchedule || taint.effect == .noExecute) && !tolerations.tolerate(taint)
            }
            if blocked { continue }
            let nodeName = target.name
            addPod(
                context, name: uniqueName(context.namespace, name, index), template: template,
                labels: labels, ownerSelector: nil
            ) { spec in
                spec.tolerations = tolerations
                let field = NodeSelectorRequirement(key: "metadata.name", operator: .in, values: [nodeName])
                spec.requiredNodeTerms = [NodeSelectorTerm(matchFields: [field])]
            }
        }
    }
}
