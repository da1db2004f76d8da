import KubeYAML

/// The DaemonSet controller's per-node update (pkg/controller/daemon/update.go).
///
/// RollingUpdate works node by node: with `maxUnavailable` (default 1) the old pod on a node is deleted
/// before the new one starts, on at most that many nodes at a time; with `maxSurge` the new pod starts
/// beside the old one, which is deleted once the new one is ready. Percentages are of the nodes that should
/// run the daemon pod and both round up (`UnavailableCount`, `SurgeCount`); if both resolve to 0 the
/// controller uses 1 unavailable. Exactly one of the two must be non-zero, or the API server refuses it.
package enum DaemonSetRollout {
    /// Nodes updated at once for a node count: (surge, unavailable) as the controller resolves them.
    package static func perNode(maxSurge: IntOrPercent, maxUnavailable: IntOrPercent, nodes: Int) -> (
        surge: Int, unavailable: Int
    ) {
        let surge = maxSurge.scaled(nodes, roundUp: true)
        var unavailable = maxUnavailable.scaled(nodes, roundUp: true)
        if nodes > 0, surge == 0, unavailable == 0 { unavailable = 1 }
        return (surge, unavailable)
    }

    static func plan(_ context: WorkloadChange) -> (RolloutPlan?, [Diagnostic]) {
        let strategy = context.new["spec"]?["updateStrategy"]
        let type = strategy?["type"]?.text ?? "RollingUpdate"
        guard context.templateChanged else { return (nil, []) }
        if type == "OnDelete" {
            return (
                RolloutPlan(
                    strategy: type, restarts: false,
                    summary:
                        "pod template changed, but OnDelete: the pod on each node keeps the old template until it is deleted"
                ), []
            )
        }
        let rolling = strategy?["rollingUpdate"]
        let path = "spec.updateStrategy.rollingUpdate"
        var findings: [Diagnostic] = []
        let surgeSpec = context.bound(
            rolling?["maxSurge"], name: "maxSurge", path: path, default: .count(0), findings: &findings)
        let unavailableSpec = context.bound(
            rolling?["maxUnavailable"], name: "maxUnavailable", path: path, default: .count(1), findings: &findings)
        guard let surgeSpec, let unavailableSpec else { return (nil, findings) }
        if surgeSpec.isZero, unavailableSpec.isZero {
            findings.append(
                context.refusal(
                    path: "\(path).maxUnavailable", node: rolling?["maxUnavailable"],
                    message: "\(path).maxUnavailable: Required value: cannot be 0 when maxSurge is 0",
                    hint: "set maxUnavailable (or maxSurge) above 0"))
            return (nil, findings)
        }
        if !surgeSpec.isZero, !unavailableSpec.isZero {
            findings.append(
                context.refusal(
                    path: "\(path).maxSurge", node: rolling?["maxSurge"],
                    message:
                        "\(path).maxSurge: Invalid value: \(surgeSpec.invalidValueText): may not be set when maxUnavailable is non-zero",
                    hint: "set maxUnavailable: 0 to surge, or drop maxSurge"))
            return (nil, findings)
        }
        var plan: RolloutPlan
        if surgeSpec.isZero {
            plan = RolloutPlan(
                strategy: type, restarts: true,
                summary:
                    "pod template changed: node by node, the old pod is deleted before the new one starts, on at most \(Self.describe(unavailableSpec)) at a time"
            )
        } else {
            plan = RolloutPlan(
                strategy: type, restarts: true,
                summary:
                    "pod template changed: node by node, the new pod starts beside the old one (deleted once the new one is ready), on at most \(Self.describe(surgeSpec)) at a time"
            )
        }
        plan.maxSurge = surgeSpec
        plan.maxUnavailable = unavailableSpec
        if case .percent = surgeSpec.isZero ? unavailableSpec : surgeSpec {
            plan.notes.append(
                "the percentage is of the nodes that run the daemon pod, rounded up; the node count is known once kubec diff compiles with --cluster"
            )
        }
        return (plan, findings)
    }

    private static func describe(_ bound: IntOrPercent) -> String {
        switch bound {
        case .count(let value): value == 1 ? "1 node" : "\(value) nodes"
        case .percent(let value): "\(value)% of the nodes (rounded up)"
        }
    }
}
