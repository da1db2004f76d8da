/// The typed value of a manifest.
///
/// Kinds kubec does not model (and versions it does not read, such as
/// `extensions/v1beta1` Ingress) stay `.generic`; they are still schema-checked and diffed from their YAML.
package indirect enum KubeObject: Sendable {
    case deployment(Deployment)
    case replicaSet(ReplicaSet)
    case statefulSet(StatefulSet)
    case daemonSet(DaemonSet)
    case job(Job)
    case cronJob(CronJob)
    case pod(Pod)
    case service(Service)
    case endpoints(Endpoints)
    case endpointSlice(EndpointSlice)
    case ingress(Ingress)
    case ingressClass(IngressClass)
    case networkPolicy(NetworkPolicy)
    case horizontalPodAutoscaler(HorizontalPodAutoscaler)
    case podDisruptionBudget(PodDisruptionBudget)
    case node(Node)
    case namespace(Namespace)
    case configMap(ConfigMap)
    case secret(Secret)
    case serviceAccount(ServiceAccount)
    case persistentVolumeClaim(PersistentVolumeClaim)
    case customResourceDefinition(CustomResourceDefinition)
    case cluster(Cluster)
    case generic

    /// The object's metadata; nil for `.generic`.
    package var metadata: ObjectMeta? {
        switch self {
        case .deployment(let value): value.metadata
        case .replicaSet(let value): value.metadata
        case .statefulSet(let value): value.metadata
        case .daemonSet(let value): value.metadata
        case .job(let value): value.metadata
        case .cronJob(let value): value.metadata
        case .pod(let value): value.metadata
        case .service(let value): value.metadata
        case .endpoints(let value): value.metadata
        case .endpointSlice(let value): value.metadata
        case .ingress(let value): value.metadata
        case .ingressClass(let value): value.metadata
        case .networkPolicy(let value): value.metadata
        case .horizontalPodAutoscaler(let value): value.metadata
        case .podDisruptionBudget(let value): value.metadata
        case .node(let value): value.metadata
        case .namespace(let value): value.metadata
        case .configMap(let value): value.metadata
        case .secret(let value): value.metadata
        case .serviceAccount(let value): value.metadata
        case .persistentVolumeClaim(let value): value.metadata
        case .customResourceDefinition(let value): value.metadata
        case .cluster(let value): value.metadata
        case .generic: nil
        }
    }

    /// True for `.generic`.
    package var isGeneric: Bool {
        if case .generic = self { return true }
        return false
    }

    /// The workload view of a Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob or Pod.
    package var workload: Workload? {
        switch self {
        case .deployment(let value): .deployment(value)
        case .replicaSet(let value): .replicaSet(value)
        case .statefulSet(let value): .statefulSet(value)
        case .daemonSet(let value): .daemonSet(value)
        case .job(let value): .job(value)
        case .cronJob(let value): .cronJob(value)
        case .pod(let value): .pod(value)
        default: nil
        }
    }
}
