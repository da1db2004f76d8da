import KubeYAML

/// `autoscaling` HorizontalPodAutoscaler (v1 or v2): the target and its replica bounds.
package struct HorizontalPodAutoscaler: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var scaleTargetRef: CrossVersionObjectReference
    /// Default 1.
    package var minReplicas: Int
    package var maxReplicas: Int

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        let spec = context.mapping(node, "spec")
        scaleTargetRef = spec.flatMap { context.decode($0, "scaleTargetRef") } ?? CrossVersionObjectReference()
        minReplicas = spec.flatMap { context.int($0, "minReplicas") } ?? 1
        maxReplicas = spec.flatMap { context.int($0, "maxReplicas") } ?? 0
    }
}

/// `CrossVersionObjectReference`: kind, name and apiVersion of the scaled object.
package struct CrossVersionObjectReference: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var apiVersion: String
    package var kind: String
    package var name: String

    package init() {
        apiVersion = ""
        kind = ""
        name = ""
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        apiVersion = context.string(node, "apiVersion") ?? ""
        kind = context.string(node, "kind") ?? ""
        name = context.string(node, "name") ?? ""
    }
}
