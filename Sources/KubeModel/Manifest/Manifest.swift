import KubeYAML

/// One Kubernetes object of the input: who it is, where it is, and its typed value when kubec knows the kind.
package struct Manifest: Sendable {
    package var identity: ResourceIdentity
    package var document: YAMLDocument
    /// The typed value; `.generic` for kinds kubec does not model (they are still schema-checked and diffed).
    package var object: KubeObject

    package init(identity: ResourceIdentity, document: YAMLDocument, object: KubeObject) {
        self.identity = identity
        self.document = document
        self.object = object
    }

    /// The root mapping of the object.
    package var node: YAMLNode { document.root }
    package var file: String { document.file }

    /// `metadata.labels` as a dictionary (empty when absent or malformed).
    package var labels: [String: String] { StringMap.decode(node["metadata"]?["labels"]) }

    /// `metadata.annotations` as a dictionary (empty when absent or malformed).
    package var annotations: [String: String] { StringMap.decode(node["metadata"]?["annotations"]) }
}

/// Reads a mapping of strings (labels, annotations, nodeSelector) into a dictionary.
///
/// Non-string scalars keep their text (the API would reject them; that is a lint finding, not a decode failure).
package enum StringMap {
    package static func decode(_ node: YAMLNode?) -> [String: String] {
        guard let node, node.isMapping else { return [:] }
        // Sized up front only when large: `reserveCapacity` is an unspecialised runtime call (see
        // `DecodeContext.stringMap`).
        var result: [String: String] = node.count > 4 ? Dictionary(minimumCapacity: node.count) : [:]
        for (key, value) in node.pairs {
            guard let key = key.text else { continue }
            result[key] = value.isNull ? "" : (value.text ?? "")
        }
        return result
    }
}
