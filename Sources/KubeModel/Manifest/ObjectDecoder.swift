import KubeYAML

/// Decodes a document's root into a typed `KubeObject`, collecting type mismatches as diagnostics.
package struct ObjectDecoder {
    package let identity: ResourceIdentity
    package private(set) var diagnostics: [Diagnostic] = []

    package init(identity: ResourceIdentity) {
        self.identity = identity
    }

    package mutating func decode(_ root: YAMLNode) -> KubeObject {
        .generic
    }
}
