/// What applying a workload's change does to its pods.
///
/// A pod-template change makes the controller replace pods (a rollout); a replicas change alone scales. The
/// plan states the strategy, the resolved surge and unavailability, and for Deployments the step table of
/// (old pods, new pods) the controller walks through when every new pod becomes available at once: the
/// maximum envelope a real rollout stays inside.
package struct RolloutPlan: Hashable, Sendable {
    /// `RollingUpdate`, `Recreate`, `OnDelete`, or `None` for kinds without a rollout (ReplicaSet, CronJob).
    package var strategy: String
    /// True when the controller replaces running pods on its own.
    package var restarts: Bool
    /// One sentence: what happens.
    package var summary: String
    /// Replicas before and after (the new count is what the rollout aims for).
    package var oldReplicas: Int?
    package var newReplicas: Int?
    /// maxSurge as written (`25%`, `1`) and as resolved against the replica count.
    package var maxSurge: IntOrPercent?
    package var resolvedMaxSurge: Int?
    /// maxUnavailable as written and as resolved.
    package var maxUnavailable: IntOrPercent?
    package var resolvedMaxUnavailable: Int?
    /// Deployment: the step table, first row the state before the rollout.
    package var steps: [RolloutStep]
    /// StatefulSet: pod names in update order, in batches that go together.
    package var order: [[String]]
    /// Anything else worth knowing (partition, pods left on the old template, node-count dependence).
    package var notes: [String]

    /// A plan with no table, order or notes yet.
    package init(strategy: String, restarts: Bool, summary: String) {
        self.strategy = strategy
        self.restarts = restarts
        self.summary = summary
        steps = []
        order = []
        notes = []
    }
}

/// One row of a Deployment rollout: how many pods each ReplicaSet has after the controller's action.
package struct RolloutStep: Hashable, Sendable {
    /// Pods of the old and of the new ReplicaSet after this step.
    package var oldPods: Int
    package var newPods: Int
    /// What the controller did to get here (`scale up new ReplicaSet to 3`); empty for the first row.
    package var action: String

    /// A step.
    package init(oldPods: Int, newPods: Int, action: String) {
        self.oldPods = oldPods
        self.newPods = newPods
        self.action = action
    }

    /// Pods of both ReplicaSets together.
    package var totalPods: Int { oldPods + newPods }
}
