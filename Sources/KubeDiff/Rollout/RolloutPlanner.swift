import KubeYAML

/// Decides what a modified workload's change does to its pods, by kind.
///
/// The one place kinds are named for rollouts; each kind's controller behaviour lives in its own file.
enum RolloutPlanner {
    private static let appsGroups: Set<String> = ["apps", "extensions"]

    static func plan(_ context: WorkloadChange) -> (RolloutPlan?, [Diagnostic]) {
        let identity = context.identity
        switch (identity.group, identity.kind) {
        case (let group, "Deployment") where appsGroups.contains(group):
            return DeploymentRollout.plan(context)
        case (let group, "StatefulSet") where appsGroups.contains(group):
            return StatefulSetRollout.plan(context)
        case (let group, "DaemonSet") where appsGroups.contains(group):
            return DaemonSetRollout.plan(context)
        case (let group, "ReplicaSet") where appsGroups.contains(group):
            return (replicaSetPlan(context), [])
        case ("", "ReplicationController"):
            return (replicaSetPlan(context), [])
        case ("batch", "CronJob"):
            guard context.changed(under: ["spec", "jobTemplate"]) else { return (nil, []) }
            return (
                RolloutPlan(
                    strategy: "None", restarts: false,
                    summary:
                        "job template changed: Jobs created from the next scheduled run use it; running Jobs are not touched"
                ), []
            )
        default:
            return (nil, [])
        }
    }

    /// ReplicaSets (and ReplicationControllers) never replace running pods for a template change.
    private static func replicaSetPlan(_ context: WorkloadChange) -> RolloutPlan? {
        guard context.templateChanged else { return context.scalePlan(strategy: "None", what: context.identity.kind) }
        var plan = RolloutPlan(
            strategy: "None", restarts: false,
            summary:
                "pod template changed, but a \(context.identity.kind) does not replace running pods: only pods it creates later (after a deletion or scale-up) use the new template"
        )
        plan.oldReplicas = context.oldReplicas
        plan.newReplicas = context.newReplicas
        return plan
    }
}
