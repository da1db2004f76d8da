import KubeYAML

/// `v1` Namespace.
package struct Namespace: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
    }

    /// The labels as the API server stores them: with `kubernetes.io/metadata.name` set to the name (added
    /// automatically since 1.21), which is what namespace selectors usually match.
    package var effectiveLabels: [String: String] {
        var labels = metadata.labels
        labels["kubernetes.io/metadata.name"] = metadata.name
        return labels
    }
}
