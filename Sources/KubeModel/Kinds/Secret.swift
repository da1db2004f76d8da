import KubeYAML

/// `v1` Secret, light: type and keys (values are never read).
package struct Secret: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    /// Default `Opaque`.
    package var type: String
    /// The keys of `data` and `stringData`, sorted.
    package var keys: [String]

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        type = context.string(node, "type") ?? "Opaque"
        keys = ConfigMap.keys(of: ["data", "stringData"], in: node, &context)
    }
}
