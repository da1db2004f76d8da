import KubeModel
import KubeYAML

/// Where every pod goes and why not, per-node totals, and CronJob schedules: what `kubec plan` prints.
package struct PlacementPlan: Sendable {
    /// One pod's placement.
    package struct Pod: Sendable {
        package var namespace: String
        package var name: String
        package var owner: OwnerReference?
        /// Nil when unschedulable.
        package var node: String?
        /// The pod IP; for host-network pods the node's address.
        package var ip: IPAddress?
        /// Every pod IP, primary first (two in a dual-stack cluster; empty for host-network pods).
        package var ips: [IPAddress] = []
        /// kube-scheduler's message when unschedulable.
        package var message: String?
        package var priority: Int
        package var requests: Resources
        /// True when the pod was bound by `spec.nodeName`, not scheduled.
        package var preBound: Bool
        /// How many nodes tied for the best score (1: a clear winner; 0: not scored).
        package var tiedNodes: Int
        package var object: ObjectIdentity?
        package var source: SourceRange?

        /// `namespace/name`.
        package var key: String { "\(namespace)/\(name)" }
    }

    /// One node's load.
    package struct Node: Sendable {
        package var name: String
        /// `namespace/name` of its pods, sorted.
        package var pods: [String]
        package var requested: Resources
        package var allocatable: Resources
        package var allowedPods: Int
    }

    /// Every pod, sorted by namespace and name.
    package var pods: [Pod] = []
    /// Every node, sorted by name.
    package var nodes: [Node] = []
    /// CronJobs, sorted by namespace and name.
    package var cronJobs: [CronJobPlan] = []
    /// The instant CronJob runs are counted from (Unix seconds).
    package var referenceTime: Int64 = PlanOptions.defaultReferenceTime

    package init() {}

    /// The pods that could not be placed.
    package var unschedulable: [Pod] { pods.filter { $0.node == nil } }
}

/// Everything `Planner.plan` returns.
package struct PlanResult: Sendable {
    /// The resolved world for the emitters (endpoints still empty).
    package var state: ClusterState
    package var plan: PlacementPlan
    /// Findings of the plan stage (inventory, IPAM); `PlanFindings.unschedulable` adds `pod-unschedulable`.
    package var diagnostics: [Diagnostic]
    /// Set when `PlanOptions.explain` named a pod that went through the scheduler.
    package var explanation: Explanation?
}
