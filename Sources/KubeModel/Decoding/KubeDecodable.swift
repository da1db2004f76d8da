import KubeYAML

/// A typed value decoded from one YAML mapping.
///
/// Conforming types keep the node they came from (`node`), so a rule can point at the value or, through
/// `node["field"]`, at any of its fields.
package protocol KubeDecodable {
    /// Decodes from a mapping node. Never fails: wrong types become diagnostics in `context` and take defaults.
    init(decoding node: YAMLNode, in context: inout DecodeContext)
}
