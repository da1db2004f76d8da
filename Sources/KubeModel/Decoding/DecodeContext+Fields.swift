import KubeYAML

/// Typed field readers. Each reads `parent[key]`: absent or `null` gives nil (the API's zero value, so the
/// caller applies the default); a value of the wrong type gives nil and a `model-type-mismatch` diagnostic.
extension DecodeContext {
    /// A string field. Numbers and booleans are reported (JSON `3` does not decode into a Go string) but
    /// their text is kept, so later stages still see what was written.
    package mutating func string(_ parent: YAMLNode, _ key: String) -> String? {
        guard let node = parent[key] else { return nil }
        return string(node)
    }

    /// A scalar read as a string (see `string(_:_:)`).
    package mutating func string(_ node: YAMLNode) -> String? {
        guard node.isScalar else {
            typeMismatch(node, expected: "string")
            return nil
        }
        switch node.scalarType {
        case .null: return nil
        case .string: return node.text
        default:
            typeMismatch(node, expected: "string")
            return node.text
        }
    }

    /// An integer field. Integral floats (`3.0`) are accepted, as the JSON round trip makes them `3`.
    package mutating func int(_ parent: YAMLNode, _ key: String) -> Int? {
        guard let node = parent[key] else { return nil }
        return int(node)
    }

    /// A scalar read as an integer (see `int(_:_:)`).
    package mutating func int(_ node: YAMLNode) -> Int? {
        switch node.scalarType {
        case .null: return nil
        case .int:
            if let value = node.int { return Int(value) }
        case .float:
            if let value = node.number, value == value.rounded(), abs(value) < 9.0e15 { return Int(value) }
        default: break
        }
        typeMismatch(node, expected: "integer")
        return nil
    }

    /// A boolean field.
    package mutating func bool(_ parent: YAMLNode, _ key: String) -> Bool? {
        guard let node = parent[key] else { return nil }
        switch node.scalarType {
        case .null: return nil
        case .bool: if let value = node.bool { return value }
        default: break
        }
        typeMismatch(node, expected: "boolean")
        return nil
    }

    /// A mapping field, returned as its node; nil when absent, null or not a mapping (reported).
    package mutating func mapping(_ parent: YAMLNode, _ key: String) -> YAMLNode? {
        guard let node = parent[key] else { return nil }
        return mapping(node)
    }

    /// The node itself when it is a mapping; nil (reported unless null) otherwise.
    package mutating func mapping(_ node: YAMLNode) -> YAMLNode? {
        if node.isMapping { return node }
        if !node.isNull { typeMismatch(node, expected: "object") }
        return nil
    }

    /// A sequence field's items; empty when absent, null or not a sequence (reported).
    package mutating func sequence(_ parent: YAMLNode, _ key: String) -> YAMLItems? {
        guard let node = parent[key] else { return nil }
        if node.isSequence { return node.items }
        if !node.isNull { typeMismatch(node, expected: "array") }
        return nil
    }

    /// A nested object field decoded as `T`.
    package mutating func decode<T: KubeDecodable>(_ parent: YAMLNode, _ key: String, as type: T.Type = T.self) -> T? {
        guard let node = mapping(parent, key) else { return nil }
        return T(decoding: node, in: &self)
    }

    /// A list of objects decoded as `T`; items that are not mappings are reported and skipped.
    package mutating func list<T: KubeDecodable>(_ parent: YAMLNode, _ key: String, of type: T.Type = T.self) -> [T] {
        guard let items = sequence(parent, key) else { return [] }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for item in items {
            guard let node = mapping(item) else { continue }
            result.append(T(decoding: node, in: &self))
        }
        return result
    }

    /// A list of strings (`args`, `values`, `hosts`); non-string items are reported and kept as text.
    package mutating func strings(_ parent: YAMLNode, _ key: String) -> [String] {
        guard let items = sequence(parent, key) else { return [] }
        var result: [String] = []
        result.reserveCapacity(items.count)
        for item in items {
            if let value = string(item) { result.append(value) }
        }
        return result
    }

    /// A `map[string]string` field (labels, annotations, nodeSelector, selector).
    ///
    /// Non-string values are reported (the API rejects `version: 1.0`) and kept as written; null values
    /// become `""`.
    package mutating func stringMap(_ parent: YAMLNode, _ key: String) -> [String: String] {
        guard let node = mapping(parent, key) else { return [:] }
        var result: [String: String] = [:]
        result.reserveCapacity(node.count)
        for (keyNode, value) in node.pairs {
            guard let name = keyNode.text else { continue }
            result[name] = value.isNull ? "" : (string(value) ?? "")
        }
        return result
    }

    /// An int-or-string field (`targetPort`, `maxSurge`).
    package mutating func intOrString(_ parent: YAMLNode, _ key: String) -> IntOrString? {
        guard let node = parent[key] else { return nil }
        switch node.scalarType {
        case .null: return nil
        case .string: return .string(node.text ?? "")
        case .int, .float:
            if let value = int(node) { return .int(value) }
            return nil
        default:
            typeMismatch(node, expected: "int-or-string")
            return nil
        }
    }

    /// A quantity field (`cpu: 500m`, `memory: 1Gi`, `cpu: 0.5`).
    package mutating func quantity(_ parent: YAMLNode, _ key: String) -> Quantity? {
        guard let node = parent[key] else { return nil }
        return quantity(node)
    }

    /// A scalar read as a quantity; malformed text is a `model-invalid-value` diagnostic.
    package mutating func quantity(_ node: YAMLNode) -> Quantity? {
        switch node.scalarType {
        case .null: return nil
        case .string, .int, .float:
            let text = node.text ?? ""
            let parsed = node.scalarType == .int ? (node.int.map { Quantity.parse(String($0)) } ?? Quantity.parse(text))
                                                 : Quantity.parse(text)
            switch parsed {
            case .success(let quantity): return quantity
            case .failure(let error):
                invalidValue(node, error.message)
                return nil
            }
        default:
            typeMismatch(node, expected: "string")
            return nil
        }
    }

    /// A map of resource names to quantities (`requests`, `limits`, `allocatable`, `overhead`).
    package mutating func resourceList(_ parent: YAMLNode, _ key: String) -> ResourceList {
        guard let node = mapping(parent, key) else { return ResourceList() }
        var result = ResourceList()
        for (keyNode, value) in node.pairs {
            guard let name = keyNode.text, let quantity = quantity(value) else { continue }
            result[ResourceName(name)] = quantity
        }
        return result
    }
}
