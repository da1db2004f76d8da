/// How a scalar was written. libyaml: `yaml_scalar_style_t`.
package enum ScalarStyle: UInt8, Sendable, Hashable {
    /// `YAML_PLAIN_SCALAR_STYLE`: unquoted, so subject to type resolution.
    case plain
    /// `YAML_SINGLE_QUOTED_SCALAR_STYLE`
    case singleQuoted
    /// `YAML_DOUBLE_QUOTED_SCALAR_STYLE`
    case doubleQuoted
    /// `YAML_LITERAL_SCALAR_STYLE` (`|`)
    case literal
    /// `YAML_FOLDED_SCALAR_STYLE` (`>`)
    case folded
}

/// The type a scalar has once resolved the way Kubernetes reads manifests (goyaml.v2 inside sigs.k8s.io/yaml).
package enum ScalarType: UInt8, Sendable, Hashable {
    case null
    case bool
    case int
    case float
    case string

    /// The JSON-schema word for the type, used in messages.
    package var name: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .float: "number"
        case .string: "string"
        }
    }
}

/// The kind of a YAML node.
package enum YAMLNodeKind: UInt8, Sendable, Hashable {
    case scalar
    case mapping
    case sequence
}
