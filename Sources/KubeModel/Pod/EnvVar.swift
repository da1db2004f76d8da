import KubeYAML

/// `v1.EnvVar`: a literal `value` or a `valueFrom` reference.
package struct EnvVar: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var name: String
    package var value: String?
    package var valueFrom: EnvVarSource?

    /// Decodes in one pass over the mapping's pairs.
    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        name = ""
        for (key, value) in node.pairs {
            switch key.text {
            case "name": name = context.string(value) ?? ""
            case "value": self.value = context.string(value)
            case "valueFrom": valueFrom = context.decode(value)
            default: break
            }
        }
    }
}

/// `v1.EnvVarSource`: exactly one of the references should be set (validation checks that).
package struct EnvVarSource: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var configMapKeyRef: KeySelector?
    package var secretKeyRef: KeySelector?
    /// `fieldRef.fieldPath` (`metadata.name`, `status.podIP`).
    package var fieldPath: String?
    /// `resourceFieldRef.resource` (`limits.cpu`).
    package var resource: String?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        configMapKeyRef = context.decode(node, "configMapKeyRef")
        secretKeyRef = context.decode(node, "secretKeyRef")
        fieldPath = context.mapping(node, "fieldRef").flatMap { context.string($0, "fieldPath") }
        resource = context.mapping(node, "resourceFieldRef").flatMap { context.string($0, "resource") }
    }
}

/// A reference to one key of a ConfigMap or Secret (`configMapKeyRef`, `secretKeyRef`).
package struct KeySelector: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var name: String
    package var key: String
    package var optional: Bool

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        name = context.string(node, "name") ?? ""
        key = context.string(node, "key") ?? ""
        optional = context.bool(node, "optional") ?? false
    }
}

/// `v1.EnvFromSource`: every key of a ConfigMap or Secret, with an optional prefix.
package struct EnvFromSource: Sendable, KubeDecodable {
    /// Which kind of object the entry references.
    package enum Source: Sendable, Hashable {
        case configMap
        case secret
    }

    package var node: YAMLNode?
    package var prefix: String
    /// Nil when neither `configMapRef` nor `secretRef` is given.
    package var source: Source?
    package var name: String
    package var optional: Bool

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        prefix = context.string(node, "prefix") ?? ""
        let reference: YAMLNode?
        if let configMap = context.mapping(node, "configMapRef") {
            source = .configMap
            reference = configMap
        } else if let secret = context.mapping(node, "secretRef") {
            source = .secret
            reference = secret
        } else {
            reference = nil
        }
        name = reference.flatMap { context.string($0, "name") } ?? ""
        optional = reference.flatMap { context.bool($0, "optional") } ?? false
    }
}
