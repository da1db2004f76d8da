import KubeYAML

/// `v1` ConfigMap, light: its keys (from `data` and `binaryData`), for reference checks.
package struct ConfigMap: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    /// The keys of `data` and `binaryData`, sorted.
    package var keys: [String]

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        keys = Self.keys(of: ["data", "binaryData"], in: node, &context)
    }

    static func keys(of fields: [String], in node: YAMLNode, _ context: inout DecodeContext) -> [String] {
        var keys: [String] = []
        for field in fields {
            guard let map = context.mapping(node, field) else { continue }
            for (key, _) in map.pairs { if let text = key.text { keys.append(text) } }
        }
        return keys.sorted()
    }
}

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
