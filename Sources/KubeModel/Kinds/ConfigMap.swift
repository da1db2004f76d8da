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
