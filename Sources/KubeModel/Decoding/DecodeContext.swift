import KubeYAML

/// The state of decoding one object: its root (to compute field paths), its identity, and the problems found.
///
/// Decoders take it `inout`, read fields through its helpers (`DecodeContext+Fields.swift`) and never fail:
/// a field of the wrong type becomes a `model-type-mismatch` diagnostic and takes its default. Field paths are
/// computed only when a diagnostic is made (by searching the tree from the root), so the happy path builds no
/// path strings at all.
package struct DecodeContext {
    /// The document root the field paths are relative to.
    package let root: YAMLNode
    /// The object in diagnostics.
    package let object: ObjectIdentity?
    /// The namespace the top-level `metadata.namespace` is replaced with (see `metadata(_:)`).
    package var effectiveNamespace: String?
    /// Problems found so far, in the order found.
    package var diagnostics: [Diagnostic] = []

    package init(root: YAMLNode, object: ObjectIdentity?) {
        self.root = root
        self.object = object
    }

    /// The field path of a node inside the object (`spec.template.spec.containers[0].ports[0].containerPort`).
    package func path(of node: YAMLNode) -> String {
        FieldPath.locate(node, from: root) ?? ""
    }

    /// Records that a field holds a value of the wrong JSON type, in the API server's words.
    ///
    /// kubectl prints `spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer:
    /// "string"`; the message keeps that shape.
    package mutating func typeMismatch(_ node: YAMLNode, expected: String) {
        let path = path(of: node)
        let found = Self.jsonTypeName(node)
        diagnostics.append(
            Diagnostic(
                rule: ModelRuleIDs.typeMismatch, severity: .error,
                message:
                    "\(path): Invalid value: \"\(found)\": \(path) in body must be of type \(expected): \"\(found)\"",
                range: node.range, object: object, path: path,
                hint: Self.hint(node, expected: expected)))
    }

    /// Records that a field's value has the right type but cannot be understood (a malformed quantity, say).
    package mutating func invalidValue(_ node: YAMLNode, _ detail: String, hint: String? = nil) {
        let path = path(of: node)
        let shown = node.text ?? Self.jsonTypeName(node)
        diagnostics.append(
            Diagnostic(
                rule: ModelRuleIDs.invalidValue, severity: .error,
                message: "\(path): Invalid value: \"\(shown)\": \(detail)",
                range: node.range, object: object, path: path, hint: hint))
    }

    /// The JSON-schema name of a node's type: `string`, `integer`, `number`, `boolean`, `null`, `object`, `array`.
    package static func jsonTypeName(_ node: YAMLNode) -> String {
        switch node.kind {
        case .mapping: "object"
        case .sequence: "array"
        case .scalar: node.scalarType?.name ?? "string"
        }
    }

    private static func hint(_ node: YAMLNode, expected: String) -> String? {
        guard node.isScalar else { return nil }
        if expected == "string", node.isPlain { return "quote the value so YAML reads it as a string" }
        if node.scalarType == .string, expected == "integer" || expected == "boolean" || expected == "number" {
            return "remove the quotes so YAML reads it as \(expected == "integer" ? "an" : "a") \(expected)"
        }
        return nil
    }
}

/// The rule ids of findings made while decoding typed objects.
package enum ModelRuleIDs {
    /// A field holds a value of the wrong JSON type.
    package static let typeMismatch = "model-type-mismatch"
    /// A field's value has the right type but is malformed (quantity, port range, CIDR…).
    package static let invalidValue = "model-invalid-value"
}
