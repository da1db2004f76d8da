import KubeYAML

/// `metav1.ObjectMeta`, the fields kubec reads.
package struct ObjectMeta: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var name: String
    package var generateName: String
    /// For a top-level object, the effective namespace (`default` when omitted, nil for cluster-scoped kinds);
    /// for embedded metadata (pod templates), as written.
    ///
    /// Whether it was written: `node?["namespace"]`.
    package var namespace: String?
    package var labels: [String: String]
    package var annotations: [String: String]
    package var ownerReferences: [OwnerReference]

    package init() {
        name = ""
        generateName = ""
        labels = [:]
        annotations = [:]
        ownerReferences = []
    }

    /// Decodes in one pass over the mapping's pairs.
    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.init()
        self.node = node
        for (key, value) in node.pairs {
            switch key.text {
            case "name": name = context.string(value) ?? ""
            case "generateName": generateName = context.string(value) ?? ""
            case "namespace": namespace = context.string(value)
            case "labels": labels = context.stringMap(value)
            case "annotations": annotations = context.stringMap(value)
            case "ownerReferences": ownerReferences = context.list(value)
            default: break
            }
        }
    }
}

/// `metav1.OwnerReference`, minimal.
package struct OwnerReference: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var apiVersion: String
    package var kind: String
    package var name: String
    package var uid: String
    package var controller: Bool

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        apiVersion = context.string(node, "apiVersion") ?? ""
        kind = context.string(node, "kind") ?? ""
        name = context.string(node, "name") ?? ""
        uid = context.string(node, "uid") ?? ""
        controller = context.bool(node, "controller") ?? false
    }
}

extension DecodeContext {
    /// Reads the `metadata` of an object (an empty one when absent).
    ///
    /// For the document root, `namespace` is
    /// the effective namespace (`default` when omitted for a namespaced kind, nil when cluster-scoped); for
    /// embedded objects (volume claim templates) it stays as written.
    package mutating func metadata(_ object: YAMLNode) -> ObjectMeta {
        var metadata = decode(object, "metadata") ?? ObjectMeta()
        if object.id == root.id, object.tree === root.tree { metadata.namespace = effectiveNamespace }
        return metadata
    }
}
