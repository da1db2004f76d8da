import KubeYAML

/// Lookups and typed lists. The typed lists are computed on each call (a scan of one kind's positions), so
/// keep the result when using it more than once.
extension ManifestSet {
    /// The manifests of one kind, in input order.
    package func manifests(ofKind kind: String) -> [Manifest] {
        (index.byKind[kind] ?? []).map { manifests[$0] }
    }

    /// The first manifest with this kind, namespace and name (the namespace is ignored for cluster-scoped
    /// kinds; pass nil or anything).
    package func manifest(kind: String, namespace: String?, name: String) -> Manifest? {
        let scoped = ClusterScopedKinds.contains(kind) ? nil : (namespace ?? "default")
        guard let position = index.byKey[ManifestIndex.Key(kind: kind, namespace: scoped, name: name)]?.first
        else { return nil }
        return manifests[position]
    }

    /// The namespaced objects of one kind in one namespace, in input order.
    package func manifests(ofKind kind: String, namespace: String) -> [Manifest] {
        manifests(ofKind: kind).filter { $0.identity.namespace == namespace }
    }

    private func typed<T>(_ kind: String, _ extract: (KubeObject) -> T?) -> [T] {
        (index.byKind[kind] ?? []).compactMap { extract(manifests[$0].object) }
    }

    /// Every Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob and bare Pod, in input order.
    package var workloads: [Workload] { manifests.compactMap(\.object.workload) }

    package var deployments: [Deployment] {
        typed("Deployment") { if case .deployment(let v) = $0 { v } else { nil } }
    }
    package var statefulSets: [StatefulSet] {
        typed("StatefulSet") { if case .statefulSet(let v) = $0 { v } else { nil } }
    }
    package var daemonSets: [DaemonSet] { typed("DaemonSet") { if case .daemonSet(let v) = $0 { v } else { nil } } }
    package var jobs: [Job] { typed("Job") { if case .job(let v) = $0 { v } else { nil } } }
    package var cronJobs: [CronJob] { typed("CronJob") { if case .cronJob(let v) = $0 { v } else { nil } } }
    package var pods: [Pod] { typed("Pod") { if case .pod(let v) = $0 { v } else { nil } } }
    package var services: [Service] { typed("Service") { if case .service(let v) = $0 { v } else { nil } } }
    package var endpoints: [Endpoints] { typed("Endpoints") { if case .endpoints(let v) = $0 { v } else { nil } } }
    package var endpointSlices: [EndpointSlice] {
        typed("EndpointSlice") { if case .endpointSlice(let v) = $0 { v } else { nil } }
    }
    package var ingresses: [Ingress] { typed("Ingress") { if case .ingress(let v) = $0 { v } else { nil } } }
    package var ingressClasses: [IngressClass] {
        typed("IngressClass") { if case .ingressClass(let v) = $0 { v } else { nil } }
    }
    package var networkPolicies: [NetworkPolicy] {
        typed("NetworkPolicy") { if case .networkPolicy(let v) = $0 { v } else { nil } }
    }
    package var horizontalPodAutoscalers: [HorizontalPodAutoscaler] {
        typed("HorizontalPodAutoscaler") { if case .horizontalPodAutoscaler(let v) = $0 { v } else { nil } }
    }
    package var podDisruptionBudgets: [PodDisruptionBudget] {
        typed("PodDisruptionBudget") { if case .podDisruptionBudget(let v) = $0 { v } else { nil } }
    }
    package var nodes: [Node] { typed("Node") { if case .node(let v) = $0 { v } else { nil } } }
    package var namespaces: [Namespace] { typed("Namespace") { if case .namespace(let v) = $0 { v } else { nil } } }
    package var configMaps: [ConfigMap] { typed("ConfigMap") { if case .configMap(let v) = $0 { v } else { nil } } }
    package var secrets: [Secret] { typed("Secret") { if case .secret(let v) = $0 { v } else { nil } } }
    package var serviceAccounts: [ServiceAccount] {
        typed("ServiceAccount") { if case .serviceAccount(let v) = $0 { v } else { nil } }
    }
    package var persistentVolumeClaims: [PersistentVolumeClaim] {
        typed("PersistentVolumeClaim") { if case .persistentVolumeClaim(let v) = $0 { v } else { nil } }
    }
    package var customResourceDefinitions: [CustomResourceDefinition] {
        typed("CustomResourceDefinition") { if case .customResourceDefinition(let v) = $0 { v } else { nil } }
    }

    /// The first `kubec.dev` Cluster document, or the kubeadm defaults when there is none.
    package var cluster: Cluster {
        typed("Cluster") { if case .cluster(let v) = $0 { v } else { nil } }.first ?? Cluster()
    }
}
