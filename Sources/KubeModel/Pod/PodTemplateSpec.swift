import KubeYAML

/// `v1.PodTemplateSpec`: the labels and spec of the pods a workload creates.
package struct PodTemplateSpec: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var metadata: ObjectMeta
    package var spec: PodSpec

    package init() {
        metadata = ObjectMeta()
        spec = PodSpec()
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.decode(node, "metadata") ?? ObjectMeta()
        spec = context.decode(node, "spec") ?? PodSpec()
    }

    /// The pod labels (`metadata.labels`).
    package var labels: [String: String] { metadata.labels }
}
