import KubeYAML

/// Any object that makes pods, seen alike: what the scheduler expands and what pod-level lint rules read.
package enum Workload: Sendable {
    case deployment(Deployment)
    case replicaSet(ReplicaSet)
    case statefulSet(StatefulSet)
    case daemonSet(DaemonSet)
    case job(Job)
    case cronJob(CronJob)
    case pod(Pod)

    /// The kind name (`Deployment`).
    package var kind: String {
        switch self {
        case .deployment: "Deployment"
        case .replicaSet: "ReplicaSet"
        case .statefulSet: "StatefulSet"
        case .daemonSet: "DaemonSet"
        case .job: "Job"
        case .cronJob: "CronJob"
        case .pod: "Pod"
        }
    }

    /// The workload's own metadata (namespace is the effective one).
    package var metadata: ObjectMeta {
        switch self {
        case .deployment(let value): value.metadata
        case .replicaSet(let value): value.metadata
        case .statefulSet(let value): value.metadata
        case .daemonSet(let value): value.metadata
        case .job(let value): value.metadata
        case .cronJob(let value): value.metadata
        case .pod(let value): value.metadata
        }
    }

    /// The document root.
    package var node: YAMLNode {
        switch self {
        case .deployment(let value): value.node
        case .replicaSet(let value): value.node
        case .statefulSet(let value): value.node
        case .daemonSet(let value): value.node
        case .job(let value): value.node
        case .cronJob(let value): value.node
        case .pod(let value): value.node
        }
    }

    /// The pod template (a bare Pod's own metadata and spec; a CronJob's job template's pod template).
    package var template: PodTemplateSpec {
        switch self {
        case .deployment(let value): value.spec.template
        case .replicaSet(let value): value.spec.template
        case .statefulSet(let value): value.spec.template
        case .daemonSet(let value): value.spec.template
        case .job(let value): value.spec.template
        case .cronJob(let value): value.spec.jobTemplate.template
        case .pod(let value): value.template
        }
    }

    /// The label selector of the workload; nil for Pods, CronJobs and Jobs without a manual selector.
    package var selector: LabelSelector? {
        switch self {
        case .deployment(let value): value.spec.selector
        case .replicaSet(let value): value.spec.selector
        case .statefulSet(let value): value.spec.selector
        case .daemonSet(let value): value.spec.selector
        case .job(let value): value.spec.selector
        case .cronJob(let value): value.spec.jobTemplate.selector
        case .pod: nil
        }
    }

    /// How many pods the workload asks for when applied: replicas for Deployment/ReplicaSet/StatefulSet,
    /// the initial parallel pods of a Job, 1 for a Pod; nil for a DaemonSet (one per eligible node) and a
    /// CronJob (none until its schedule fires).
    package var desiredPods: Int? {
        switch self {
        case .deployment(let value): value.spec.replicas
        case .replicaSet(let value): value.spec.replicas
        case .statefulSet(let value): value.spec.replicas
        case .job(let value): value.spec.initialPodCount
        case .pod: 1
        case .daemonSet, .cronJob: nil
        }
    }
}
