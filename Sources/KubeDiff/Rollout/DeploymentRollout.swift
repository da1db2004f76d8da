import KubeYAML

/// The Deployment controller's rolling update, replayed on counts (pkg/controller/deployment/rolling.go).
///
/// Surge rounds up and unavailability rounds down against the desired replicas (`ResolveFenceposts`); if
/// both resolve to 0, unavailability becomes 1; unavailability is capped at the replicas. Each sync either
/// scales the new ReplicaSet up (to at most replicas + surge pods in all) or the old one down (keeping at
/// least replicas − unavailable available), assuming every new pod becomes available at once, so the table
/// is the envelope a real rollout stays within. A replicas change first scales the old ReplicaSet (the
/// controller's scaling event), then the rollout proceeds.
package enum DeploymentRollout {
    /// The default for both bounds when the manifest omits them (`SetDefaults_Deployment`).
    static let defaultBound = IntOrPercent.percent(25)
    /// A safety stop for the replay; a real rollout of this many steps would be unusual anyway.
    static let maxSteps = 100_000

    /// Surge and unavailability resolved against `replicas` (`ResolveFenceposts` plus `MaxUnavailable`'s cap).
    package static func fenceposts(maxSurge: IntOrPercent, maxUnavailable: IntOrPercent, replicas: Int) -> (
        surge: Int, unavailable: Int
    ) {
        let surge = maxSurge.scaled(replicas, roundUp: true)
        var unavailable = maxUnavailable.scaled(replicas, roundUp: false)
        if surge == 0, unavailable == 0 { unavailable = 1 }
        if replicas == 0 { unavailable = 0 } else if unavailable > replicas { unavailable = replicas }
        return (surge, unavailable)
    }

    /// The rolling-update table from `oldReplicas` pods on the old template to `replicas` on the new one.
    package static func rollingSteps(oldReplicas: Int, replicas: Int, surge: Int, unavailable: Int) -> [RolloutStep] {
        var steps = [RolloutStep(oldPods: oldReplicas, newPods: 0, action: "")]
        var old = oldReplicas
        var new = 0
        if old != replicas {
            old = replicas
            steps.append(
                RolloutStep(oldPods: old, newPods: new, action: "scale old ReplicaSet to \(old) (replicas changed)"))
        }
        while !(old == 0 && new == replicas), steps.count < maxSteps {
            let total = old + new
            let maxTotal = replicas + surge
            if total < maxTotal, new < replicas {
                new += min(maxTotal - total, replicas - new)
                steps.append(RolloutStep(oldPods: old, newPods: new, action: "scale up new ReplicaSet to \(new)"))
                continue
            }
            let minAvailable = replicas - unavailable
            if old > 0, total > minAvailable {
                old -= min(old, total - minAvailable)
                steps.append(RolloutStep(oldPods: old, newPods: new, action: "scale down old ReplicaSet to \(old)"))
                continue
            }
            break
        }
        return steps
    }

    /// "the old pod is", "both old pods are", "all 4 old pods are", "no old pod is".
    static func allPods(_ count: Int, _ adjective: String) -> String {
        switch count {
        case 0: "no \(adjective) pod is"
        case 1: "the \(adjective) pod is"
        case 2: "both \(adjective) pods are"
        default: "all \(count) \(adjective) pods are"
        }
    }

    /// "1 new pod", "3 new pods".
    static func pods(_ count: Int, _ adjective: String) -> String {
        "\(count) \(adjective) pod" + (count == 1 ? "" : "s")
    }

    /// The Recreate table: the old pods go first, then the new ones come up.
    package static func recreateSteps(oldReplicas: Int, replicas: Int) -> [RolloutStep] {
        [
            RolloutStep(oldPods: oldReplicas, newPods: 0, action: ""),
            RolloutStep(oldPods: 0, newPods: 0, action: "scale down old ReplicaSet to 0"),
            RolloutStep(oldPods: 0, newPods: replicas, action: "scale up new ReplicaSet to \(replicas)"),
        ]
    }

    /// The plan for a modified Deployment; findings hold a strategy the API server would refuse.
    static func plan(_ context: WorkloadChange) -> (RolloutPlan?, [Diagnostic]) {
        let oldReplicas = context.oldReplicas
        let replicas = context.newReplicas
        let strategy = context.new["spec"]?["strategy"]
        let type = strategy?["type"]?.text ?? "RollingUpdate"
        guard context.templateChanged else {
            return (context.scalePlan(strategy: type, what: "Deployment"), [])
        }
        if context.new["spec"]?["paused"]?.bool == true {
            var plan = RolloutPlan(
                strategy: type, restarts: false,
                summary:
                    "pod template changed, but the Deployment is paused: no pod is replaced until spec.paused is false")
            plan.oldReplicas = oldReplicas
            plan.newReplicas = replicas
            return (plan, [])
        }
        if type == "Recreate" {
            var plan = RolloutPlan(
                strategy: type, restarts: true,
                summary:
                    "pod template changed: \(Self.allPods(oldReplicas, "old")) deleted before \(Self.pods(replicas, "new")) \(replicas == 1 ? "starts" : "start") (downtime)"
            )
            plan.oldReplicas = oldReplicas
            plan.newReplicas = replicas
            plan.steps = recreateSteps(oldReplicas: oldReplicas, replicas: replicas)
            return (plan, [])
        }
        let rolling = strategy?["rollingUpdate"]
        var findings: [Diagnostic] = []
        let surgeSpec = context.bound(
            rolling?["maxSurge"], name: "maxSurge", path: "spec.strategy.rollingUpdate", default: defaultBound,
            findings: &findings)
        let unavailableSpec = context.bound(
            rolling?["maxUnavailable"], name: "maxUnavailable", path: "spec.strategy.rollingUpdate",
            default: defaultBound, findings: &findings)
        guard let surgeSpec, let unavailableSpec else { return (nil, findings) }
        if surgeSpec.isZero, unavailableSpec.isZero {
            findings.append(
                context.refusal(
                    path: "spec.strategy.rollingUpdate.maxUnavailable", node: rolling?["maxUnavailable"],
                    message:
                        "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \(unavailableSpec.invalidValueText): may not be 0 when `maxSurge` is 0",
                    hint: "set maxSurge or maxUnavailable above 0"))
            return (nil, findings)
        }
        let (surge, unavailable) = fenceposts(maxSurge: surgeSpec, maxUnavailable: unavailableSpec, replicas: replicas)
        var plan = RolloutPlan(
            strategy: "RollingUpdate", restarts: replicas > 0 || oldReplicas > 0,
            summary:
                "pod template changed: rolling update of \(pods(replicas)), at most \(replicas + surge) pods in all "
                + "and at least \(replicas - unavailable) available")
        plan.oldReplicas = oldReplicas
        plan.newReplicas = replicas
        plan.maxSurge = surgeSpec
        plan.resolvedMaxSurge = surge
        plan.maxUnavailable = unavailableSpec
        plan.resolvedMaxUnavailable = unavailable
        plan.steps = rollingSteps(oldReplicas: oldReplicas, replicas: replicas, surge: surge, unavailable: unavailable)
        return (plan, findings)
    }

    private static func pods(_ count: Int) -> String { count == 1 ? "1 pod" : "\(count) pods" }
}

extension IntOrPercent {
    /// How the API server prints the value in `Invalid value:` (an int bare, a string quoted).
    var invalidValueText: String {
        switch self {
        case .count(let value): "\(value)"
        case .percent(let value): "\"\(value)%\""
        }
    }
}
