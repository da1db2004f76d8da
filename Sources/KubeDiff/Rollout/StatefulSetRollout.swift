import KubeYAML

/// The StatefulSet controller's update order (pkg/controller/statefulset/stateful_set_control.go).
///
/// RollingUpdate replaces pods from the highest ordinal down, stopping at `partition` (pods below it keep
/// the old template); one pod at a time, or `maxUnavailable` at a time where the MaxUnavailableStatefulSet
/// feature is on. Pods are named `<name>-<ordinal>`, ordinals from `ordinals.start` (default 0); the
/// partition counts from the first ordinal. OnDelete replaces nothing: pods pick up the new template when
/// they are deleted.
package enum StatefulSetRollout {
    /// Pod names in update order, in batches of `batch`.
    package static func order(name: String, replicas: Int, start: Int, partition: Int, batch: Int) -> [[String]] {
        guard replicas > 0 else { return [] }
        let lowest = max(0, partition)
        guard lowest < replicas else { return [] }
        let names = stride(from: replicas - 1, through: lowest, by: -1).map { "\(name)-\(start + $0)" }
        let size = max(1, batch)
        return stride(from: 0, to: names.count, by: size).map { Array(names[$0..<min($0 + size, names.count)]) }
    }

    static func plan(_ context: WorkloadChange) -> (RolloutPlan?, [Diagnostic]) {
        let spec = context.new["spec"]
        let type = spec?["updateStrategy"]?["type"]?.text ?? "RollingUpdate"
        guard context.templateChanged else { return (context.scalePlan(strategy: type, what: "StatefulSet"), []) }
        let replicas = context.newReplicas
        if type == "OnDelete" {
            var plan = RolloutPlan(
                strategy: type, restarts: false,
                summary: "pod template changed, but OnDelete: running pods keep the old template until each is deleted")
            plan.oldReplicas = context.oldReplicas
            plan.newReplicas = replicas
            return (plan, [])
        }
        let rolling = spec?["updateStrategy"]?["rollingUpdate"]
        let partition = Int(clamping: rolling?["partition"]?.int ?? 0)
        let start = Int(clamping: spec?["ordinals"]?["start"]?.int ?? 0)
        var findings: [Diagnostic] = []
        let unavailableSpec = context.bound(
            rolling?["maxUnavailable"], name: "maxUnavailable", path: "spec.updateStrategy.rollingUpdate",
            default: .count(1), findings: &findings)
        let batch = max(1, unavailableSpec?.scaled(replicas, roundUp: true) ?? 1)
        let order = order(
            name: context.identity.name, replicas: replicas, start: start, partition: partition, batch: batch)
        let updated = order.reduce(0) { $0 + $1.count }
        var plan = RolloutPlan(
            strategy: type, restarts: updated > 0,
            summary: updated > 0
                ? "pod template changed: \(updated) of \(replicas) pods are replaced, highest ordinal first, each batch after the previous is Running and Ready"
                : "pod template changed, but partition \(partition) ≥ replicas \(replicas): no pod is replaced")
        plan.oldReplicas = context.oldReplicas
        plan.newReplicas = replicas
        plan.maxUnavailable = unavailableSpec
        plan.resolvedMaxUnavailable = batch
        plan.order = order
        if partition > 0, replicas > 0 {
            let kept = min(partition, replicas)
            plan.notes.append(
                "partition \(partition): pods \(context.identity.name)-\(start)…\(context.identity.name)-\(start + kept - 1) keep the old template"
            )
        }
        if batch > 1 {
            plan.notes.append(
                "maxUnavailable \(unavailableSpec?.description ?? "1") takes effect only where the MaxUnavailableStatefulSet feature gate is on; otherwise one pod at a time"
            )
        }
        return (plan, findings)
    }
}
