import KubeYAML

/// Decodes a document's root into a typed `KubeObject`, collecting type mismatches as diagnostics.
///
/// Dispatch is by API group and kind, accepting any version of a known group (`apps/v1`, `apps/v1beta2`),
/// except Ingress, which is read only as `networking.k8s.io/v1` (older shapes differ; schema and deprecation
/// rules report them). Top-level `metadata.namespace` is replaced by the effective namespace of the identity
/// (`default` when omitted for a namespaced kind, nil for a cluster-scoped one).
package struct ObjectDecoder {
    package let identity: ResourceIdentity
    package private(set) var diagnostics: [Diagnostic] = []

    package init(identity: ResourceIdentity) {
        self.identity = identity
    }

    /// The typed value of the document, or `.generic` for kinds kubec does not model.
    package mutating func decode(_ root: YAMLNode) -> KubeObject {
        guard root.isMapping else { return .generic }
        var context = DecodeContext(root: root, object: identity.objectIdentity)
        context.effectiveNamespace = identity.namespace
        let object = Self.decode(root, group: identity.group, version: identity.version, kind: identity.kind, &context)
        diagnostics.append(contentsOf: context.diagnostics)
        return object
    }

    // swiftlint:disable:next cyclomatic_complexity
    private static func decode(
        _ root: YAMLNode, group: String, version: String, kind: String,
        _ context: inout DecodeContext
    ) -> KubeObject {
        func make<T: KubeDecodable>(_ type: T.Type) -> T { T(decoding: root, in: &context) }
        let object: KubeObject
        switch (group, kind) {
        case ("apps", "Deployment"): object = .deployment(make(Deployment.self))
        case ("apps", "ReplicaSet"): object = .replicaSet(make(ReplicaSet.self))
        case ("apps", "StatefulSet"): object = .statefulSet(make(StatefulSet.self))
        case ("apps", "DaemonSet"): object = .daemonSet(make(DaemonSet.self))
        case ("batch", "Job"): object = .job(make(Job.self))
        case ("batch", "CronJob"): object = .cronJob(make(CronJob.self))
        case ("", "Pod"): object = .pod(make(Pod.self))
        case ("", "Service"): object = .service(make(Service.self))
        case ("", "Endpoints"): object = .endpoints(make(Endpoints.self))
        case ("discovery.k8s.io", "EndpointSlice"): object = .endpointSlice(make(EndpointSlice.self))
        case ("networking.k8s.io", "Ingress") where version == "v1": object = .ingress(make(Ingress.self))
        case ("networking.k8s.io", "IngressClass"): object = .ingressClass(make(IngressClass.self))
        case ("networking.k8s.io", "NetworkPolicy"): object = .networkPolicy(make(NetworkPolicy.self))
        case ("autoscaling", "HorizontalPodAutoscaler"):
            object = .horizontalPodAutoscaler(make(HorizontalPodAutoscaler.self))
        case ("policy", "PodDisruptionBudget"): object = .podDisruptionBudget(make(PodDisruptionBudget.self))
        case ("", "Node"): object = .node(make(Node.self))
        case ("", "Namespace"): object = .namespace(make(Namespace.self))
        case ("", "ConfigMap"): object = .configMap(make(ConfigMap.self))
        case ("", "Secret"): object = .secret(make(Secret.self))
        case ("", "ServiceAccount"): object = .serviceAccount(make(ServiceAccount.self))
        case ("", "PersistentVolumeClaim"): object = .persistentVolumeClaim(make(PersistentVolumeClaim.self))
        case ("apiextensions.k8s.io", "CustomResourceDefinition"):
            object = .customResourceDefinition(make(CustomResourceDefinition.self))
        case ("kubec.dev", "Cluster"): object = .cluster(make(Cluster.self))
        default: return .generic
        }
        return object
    }
}
