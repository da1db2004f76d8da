import KubeYAML

/// `v1` ServiceAccount, light.
package struct ServiceAccount: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var automountServiceAccountToken: Bool?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        automountServiceAccountToken = context.bool(node, "automountServiceAccountToken")
    }
}
