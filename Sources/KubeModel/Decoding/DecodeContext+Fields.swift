import KubeYAML

/// Typed field readers. Each reads `parent[key]`: absent or `null` gives nil (the API's zero value, so the
/// caller applies the default); a value of the wrong type gives nil and a `model-type-mismatch` diagnostic.
extension DecodeContext {
    /// A string field.
    ///
    /// Numbers and booleans are reported (JSON `3` does not decode into a Go string) but
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

    /// An integer field.
    ///
    /// Integral floats (`3.0`) are accepted, as the JSON round trip makes them `3`.
    package mutating func int(_ parent: YAMLNode, _ key: String) -> Int? {
        guard let node = parent[key] else { return nil }
        return int(node)
    }

    /// A scalar read as an integer (see `int(_:_:)`).
    package mutating func int(_ node: YAMLNode) -> Int? {
        switch node.scalarType {
        case .null: return nil
        case .int:
            if let text = node.text, let value = Self.plainDecimal(text) ?? node.int.map(Int.init) { return value }
        case .float:
            if let value = node.number, value == value.rounded(), abs(value) < 9.0e15 { return Int(value) }
        default: break
        }
        typeMismatch(node, expected: "integer")
        return nil
    }

    /// Reads `[-]digits` without Foundation (the common case); nil sends other forms (`0x1F`, `0o17`, `1_000`,
    /// leading zeros, which YAML 1.1 reads as octal) to the loader's full resolver.
    static func plainDecimal(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes -> Int? in
            var index = 0
            var negative = false
            if bytes.count > 1, bytes[0] == UInt8(ascii: "-") {
                negative = true
                index = 1
            }
            let digits = bytes.count - index
            guard digits > 0, digits <= 18, digits == 1 || bytes[index] != UInt8(ascii: "0") else { return nil }
            var value = 0
            while index < bytes.count {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
                index += 1
            }
            return negative ? -value : value
        }
    }

    /// A boolean field.
    package mutating func bool(_ parent: YAMLNode, _ key: String) -> Bool? {
        guard let node = parent[key] else { return nil }
        return bool(node)
    }

    /// A scalar read as a boolean.
    package mutating func bool(_ node: YAMLNode) -> Bool? {
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

    /// A sequence value's items; nil when null or not a sequence (reported).
    package mutating func sequence(_ node: YAMLNode) -> YAMLItems? {
        if node.isSequence { return node.items }
        if !node.isNull { typeMismatch(node, expected: "array") }
        return nil
    }

    /// A nested object field decoded as `T`.
    package mutating func decode<T: KubeDecodable>(_ parent: YAMLNode, _ key: String, as type: T.Type = T.self) -> T? {
        guard let node = parent[key] else { return nil }
        return decode(node)
    }

    /// A value decoded as `T` when it is a mapping; nil (reported unless null) otherwise.
    package mutating func decode<T: KubeDecodable>(_ node: YAMLNode, as type: T.Type = T.self) -> T? {
        guard let node = mapping(node) else { return nil }
        return T(decoding: node, in: &self)
    }

    /// A list of objects decoded as `T`; items that are not mappings are reported and skipped.
    package mutating func list<T: KubeDecodable>(_ parent: YAMLNode, _ key: String, of type: T.Type = T.self) -> [T] {
        guard let node = parent[key] else { return [] }
        return list(node)
    }

    /// A sequence value decoded as a list of `T` (see `list(_:_:of:)`).
    package mutating func list<T: KubeDecodable>(_ node: YAMLNode, of type: T.Type = T.self) -> [T] {
        guard let items = sequence(node) else { return [] }
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
        guard let node = parent[key] else { return [] }
        return strings(node)
    }

    /// A sequence value read as a list of strings.
    package mutating func strings(_ node: YAMLNode) -> [String] {
        guard let items = sequence(node) else { return [] }
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
        guard let node = parent[key] else { return [:] }
        return stringMap(node)
    }

    /// A mapping value read as `map[string]string`.
    package mutating func stringMap(_ node: YAMLNode) -> [String: String] {
        guard let node = mapping(node) else { return [:] }
        // No `reserveCapacity`: on a dictionary it is an unspecialised call that looks up the dictionary's generic
        // metadata in the runtime every time (labels and selectors of every object). Small maps (most) grow in
        // specialised code instead; only large ones are sized up front.
        var result: [String: String] = node.count > 4 ? Dictionary(minimumCapacity: node.count) : [:]
        for (keyNode, value) in node.pairs {
            guard let name = keyNode.text else { continue }
            result[name] = value.isNull ? "" : (string(value) ?? "")
        }
        return result
    }

    /// An int-or-string field (`targetPort`, `maxSurge`).
    package mutating func intOrString(_ parent: YAMLNode, _ key: String) -> IntOrString? {
        guard let node = parent[key] else { return nil }
        return intOrString(node)
    }

    /// A scalar read as an int-or-string.
    package mutating func intOrString(_ node: YAMLNode) -> IntOrString? {
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
            let parsed =
                node.scalarType == .int
                ? (node.int.map { Quantity.parse(String($0)) } ?? Quantity.parse(text))
                : Quantity.parse(text)
            switch parsed {
            case .success(var quantity):
                // A YAML number reaches the API server as a JSON number, which it reads as DecimalSI.
                if node.scalarType != .string { quantity.format = .decimalSI }
                return quantity
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
        guard let node = parent[key] else { return ResourceList() }
        return resourceList(node)
    }

    /// A mapping value read as a resource list.
    package mutating func resourceList(_ node: YAMLNode) -> ResourceList {
        guard let node = mapping(node) else { return ResourceList() }
        // Sized up front only when large (see `stringMap`).
        var result = ResourceList(node.count > 4 ? Dictionary(minimumCapacity: node.count) : [:])
        for (keyNode, value) in node.pairs {
            guard let name = keyNode.text, let quantity = quantity(value) else { continue }
            result[ResourceName(name)] = quantity
        }
        return result
    }
}
