import KubeYAML

/// `v1` PersistentVolumeClaim (also a StatefulSet's `volumeClaimTemplates` entry), light.
package struct PersistentVolumeClaim: Sendable, KubeDecodable {
    /// The document root, or the template's mapping.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var accessModes: [String]
    package var storageClassName: String?
    /// `resources.requests.storage`.
    package var storage: Quantity?
    package var volumeName: String?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        accessModes = []
        if let spec = context.mapping(node, "spec") {
            accessModes = context.strings(spec, "accessModes")
            storageClassName = context.string(spec, "storageClassName")
            storage = context.mapping(spec, "resources").flatMap { context.resourceList($0, "requests")["storage"] }
            volumeName = context.string(spec, "volumeName")
        }
    }
}
