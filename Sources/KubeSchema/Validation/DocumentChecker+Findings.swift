import KubeYAML

/// The findings of `DocumentChecker`, worded like the tools users know: kubectl's client-side validation
/// (`invalid type for io.k8s.api.core.v1.EnvVar.value: got "boolean", expected "string"`, `missing required
/// field "selector" in io.k8s.api.apps.v1.DeploymentSpec`, `unknown field "imagePullpolicy" in
/// io.k8s.api.core.v1.Container`) and the API server (`Unsupported value: …: supported values: …`).
extension DocumentChecker {
    /// `io.k8s.api.core.v1.EnvVar.value` when the enclosing schema is a named definition, else the field path.
    private func qualified(_ field: String?, owner: Int32) -> String {
        if owner >= 0, let name = nodes[Int(owner)].name, let field { return "\(name).\(field)" }
        let rendered = path.rendered()
        return rendered.isEmpty ? object.kind : rendered
    }

    private func container(of slot: Int32) -> String {
        if slot >= 0, let name = nodes[Int(slot)].name { return name }
        let rendered = path.rendered()
        return rendered.isEmpty ? object.kind : rendered
    }

    private mutating func report(
        _ rule: String, _ severity: Severity, _ message: String, at node: YAMLNode, path: String, hint: String? = nil
    ) {
        diagnostics.append(Diagnostic(
            rule: rule, severity: severity, message: message, range: node.range, object: object, path: path,
            hint: hint))
    }

    static func typeName(of node: YAMLNode) -> String {
        switch node.kind {
        case .mapping: "object"
        case .sequence: "array"
        case .scalar: node.scalarType?.name ?? "null"
        }
    }

    mutating func reportType(_ value: YAMLNode, expected: JSONTypes, owner: Int32) {
        let field = path.lastKey
        var message = "invalid type for \(qualified(field, owner: owner)): got \"\(Self.typeName(of: value))\", "
            + "expected \(expected.names)"
        var hint: String?
        if expected.contains(.string), value.isPlain, let text = value.text {
            switch value.scalarType {
            case .bool?:
                message += "; the unquoted \(text) is a boolean here (YAML 1.1 reads yes, no, on, off, y, n, "
                    + "true and false as booleans)"
                hint = "quote it: \(field ?? "value"): \"\(text)\""
            case .int?, .float?:
                message += "; the unquoted \(text) is a number here"
                hint = "quote it: \(field ?? "value"): \"\(text)\""
            default:
                break
            }
        }
        report(SchemaRuleID.type, .error, message, at: value, path: path.rendered(), hint: hint)
    }

    mutating func reportRequired(_ mapping: YAMLNode, name: String, owner: Int32) {
        let parent = path.rendered()
        report(
            SchemaRuleID.required, .error, "missing required field \"\(name)\" in \(container(of: owner))",
            at: mapping, path: path.rendered(appending: name),
            hint: "add \(name) to \(parent.isEmpty ? "the object" : parent)")
    }

    mutating func reportUnknownField(_ key: YAMLNode, name: String, owner: Int32) {
        let known = owner >= 0 ? nodes[Int(owner)].properties.keys.sorted() : []
        let suggestion = Suggestions.closest(to: name, in: known)
        report(
            SchemaRuleID.unknownField, strict ? .error : .warning,
            "unknown field \"\(name)\" in \(container(of: owner))", at: key, path: path.rendered(appending: name),
            hint: suggestion.map { "did you mean \"\($0)\"?" } ?? "remove it, or check its indentation")
    }

    mutating func reportEnum(_ value: YAMLNode, text: String, allowed: [String]) {
        let list = allowed.map { "\"\($0)\"" }.joined(separator: ", ")
        let suggestion = Suggestions.closest(to: text, in: allowed)
        report(
            SchemaRuleID.enumValue, .error, "Unsupported value: \"\(text)\": supported values: \(list)", at: value,
            path: path.rendered(), hint: suggestion.map { "did you mean \"\($0)\"?" })
    }

    mutating func reportQuantity(_ value: YAMLNode, text: String) {
        report(
            SchemaRuleID.format, .error,
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$': \"\(text)\"",
            at: value, path: path.rendered(), hint: "write a number with an optional suffix: 500m, 128Mi, 1Gi, 2")
    }

    mutating func reportBase64(_ value: YAMLNode, offset: Int) {
        report(
            SchemaRuleID.format, .error, "illegal base64 data at input byte \(offset)", at: value,
            path: path.rendered(), hint: "base64-encode the value, or put the plain text under stringData")
    }

    mutating func reportValue(_ value: YAMLNode, _ requirement: String) {
        let rendered = path.rendered()
        let shown = value.isScalar ? (value.text ?? "") : "\(value.count) items"
        report(
            SchemaRuleID.value, .error, "Invalid value: \(shown): \(rendered) in body \(requirement)", at: value,
            path: rendered)
    }
}

/// "Did you mean" for misspelt keys and enum values: a case-insensitive match, else the unique closest name
/// within edit distance 2.
enum Suggestions {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        if let exact = candidates.first(where: { $0.lowercased() == lowered }) { return exact }
        var best: (name: String, distance: Int)?
        var tie = false
        for candidate in candidates {
            let distance = editDistance(Array(lowered.utf8), Array(candidate.lowercased().utf8))
            guard distance <= 2 else { continue }
            if let current = best {
                if distance < current.distance {
                    best = (candidate, distance)
                    tie = false
                } else if distance == current.distance {
                    tie = true
                }
            } else {
                best = (candidate, distance)
            }
        }
        return tie ? nil : best?.name
    }

    private static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
