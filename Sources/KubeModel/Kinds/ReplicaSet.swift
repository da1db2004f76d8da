import KubeYAML

/// `apps/v1` ReplicaSet.
package struct ReplicaSet: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var spec: ReplicaSetSpec

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        spec = context.decode(node, "spec") ?? ReplicaSetSpec()
    }
}

/// `ReplicaSetSpec` with the API defaults applied.
package struct ReplicaSetSpec: Sendable, KubeDecodable {
    package var node: YAMLNode?
    /// Default 1.
    package var replicas: Int
    package var selector: LabelSelector?
    package var template: PodTemplateSpec
    package var minReadySeconds: Int

    package init() {
        replicas = 1
        template = PodTemplateSpec()
        minReadySeconds = 0
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        replicas = context.int(node, "replicas") ?? 1
        selector = context.decode(node, "selector")
        template = context.decode(node, "template") ?? PodTemplateSpec()
        minReadySeconds = context.int(node, "minReadySeconds") ?? 0
    }
}
