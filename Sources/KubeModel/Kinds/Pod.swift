import KubeYAML

/// `v1` Pod (a bare pod in the manifests).
package struct Pod: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var spec: PodSpec

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        spec = context.decode(node, "spec") ?? PodSpec()
    }

    /// The pod as a template (its own metadata and spec), for code that handles every workload alike.
    package var template: PodTemplateSpec {
        var template = PodTemplateSpec()
        template.node = node
        template.metadata = metadata
        template.spec = spec
        return template
    }
}
