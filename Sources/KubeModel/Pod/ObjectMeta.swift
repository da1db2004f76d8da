import KubeYAML

/// `metav1.ObjectMeta`, the fields kubec reads.
package struct ObjectMeta: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var name: String
    package var generateName: String
    /// For a top-level object, the effective namespace (`default` when omitted, nil for cluster-scoped kinds);
    /// for embedded metadata (pod templates), as written. Whether it was written: `node?["namespace"]`.
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

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        name = context.string(node, "name") ?? ""
        generateName = context.string(node, "generateName") ?? ""
        namespace = context.string(node, "namespace")
        labels = context.stringMap(node, "labels")
        annotations = context.stringMap(node, "annotations")
        ownerReferences = context.list(node, "ownerReferences")
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
    /// Reads the `metadata` of an object (an empty one when absent). For the document root, `namespace` is
    /// the effective namespace (`default` when omitted for a namespaced kind, nil when cluster-scoped); for
    /// embedded objects (volume claim templates) it stays as written.
    package mutating func metadata(_ object: YAMLNode) -> ObjectMeta {
        var metadata = decode(object, "metadata") ?? ObjectMeta()
        if object.id == root.id, object.tree === root.tree { metadata.namespace = effectiveNamespace }
        return metadata
    }
}
