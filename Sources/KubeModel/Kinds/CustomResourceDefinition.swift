import KubeYAML

/// `apiextensions.k8s.io/v1` CustomResourceDefinition, light: enough to recognise custom resources and
/// validate them against their schema.
package struct CustomResourceDefinition: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var group: String
    /// `names.kind`.
    package var kind: String
    /// `names.plural`.
    package var plural: String
    /// `Namespaced` or `Cluster`.
    package var scope: String
    package var versions: [CustomResourceVersion]

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        let spec = context.mapping(node, "spec")
        group = spec.flatMap { context.string($0, "group") } ?? ""
        let names = spec.flatMap { context.mapping($0, "names") }
        kind = names.flatMap { context.string($0, "kind") } ?? ""
        plural = names.flatMap { context.string($0, "plural") } ?? ""
        scope = spec.flatMap { context.string($0, "scope") } ?? "Namespaced"
        versions = spec.map { context.list($0, "versions") } ?? []
    }

    /// True when the custom resources are namespaced.
    package var isNamespaced: Bool { scope != "Cluster" }
}

/// One version of a CRD.
package struct CustomResourceVersion: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var name: String
    package var served: Bool
    package var storage: Bool
    /// `schema.openAPIV3Schema`, as a node for the schema validator.
    package var schema: YAMLNode?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        name = context.string(node, "name") ?? ""
        served = context.bool(node, "served") ?? false
        storage = context.bool(node, "storage") ?? false
        schema = context.mapping(node, "schema").flatMap { context.mapping($0, "openAPIV3Schema") }
    }
}
