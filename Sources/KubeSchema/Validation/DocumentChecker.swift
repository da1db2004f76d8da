import KubeYAML

/// Walks one object's YAML tree against its compiled schema, collecting findings.
///
/// The hot loop of schema validation: per node it does a bit-set type test, per mapping key one hash lookup of
/// its bytes in place, and nothing else unless the node is wrong. No Foundation, no regex, no existentials;
/// strings are made only for values under an `enum` or a format, and for findings.
struct DocumentChecker {
    let nodes: UnsafeBufferPointer<SchemaNode>
    let strict: Bool
    let object: ObjectIdentity
    /// A strategic-merge patch: only the fields present are checked (no required fields), and patch directives
    /// (`$patch`, `$retainKeys`, `$setElementOrder/…`) are not fields.
    var partial = false
    var path = FieldPath()
    var diagnostics: [Diagnostic] = []

    /// Nesting beyond this is not walked (the loader already limits depth; this guards recursive schemas).
    static let maxDepth = 128

    init(nodes: UnsafeBufferPointer<SchemaNode>, strict: Bool, object: ObjectIdentity) {
        self.nodes = nodes
        self.strict = strict
        self.object = object
    }

    /// Checks `value` against node `index`; `owner` is the node of the enclosing mapping (-1 at the root).
    mutating func check(_ value: YAMLNode, against index: Int32, owner: Int32, depth: Int = 0) {
        guard depth < Self.maxDepth else { return }
        if depth == 0 { path.tree = value.tree }
        let slot = Int(index)
        let types = nodes[slot].types
        if !types.isEmpty, !Self.accepts(types, value) {
            reportType(value, expected: types, owner: owner)
            return
        }
        switch value.kind {
        case .scalar:
            checkScalar(value, slot: slot)
        case .mapping:
            checkMapping(value, slot: slot, depth: depth)
        case .sequence:
            let items = nodes[slot].items
            if items >= 0 {
                // Indexed loops over the tree's arrays: iterating `YAMLItems`/`YAMLPairs` as collections goes
                // through unspecialised protocol witnesses across the module boundary.
                let tree = value.tree
                let record = value.record
                for offset in 0..<Int(record.count) {
                    path.push(offset)
                    check(tree.node(tree.children[Int(record.first) + offset]), against: items, owner: owner,
                          depth: depth + 1)
                    path.pop()
                }
            }
            if let bounds = nodes[slot].bounds { checkCount(value, bounds: bounds) }
        }
    }

    /// Whether a YAML node has one of the JSON types, read the way sigs.k8s.io/yaml converts it.
    static func accepts(_ types: JSONTypes, _ node: YAMLNode) -> Bool {
        switch node.kind {
        case .mapping: return types.contains(.object)
        case .sequence: return types.contains(.array)
        case .scalar:
            switch node.scalarType {
            case .null?, nil: return types.contains(.null)
            case .bool?: return types.contains(.boolean)
            case .int?: return !types.isDisjoint(with: [.integer, .number])
            case .float?:
                if types.contains(.number) { return true }
                // goyaml.v2 reads `1.0` as a float; JSON conversion writes it as `1`, which an integer field takes.
                guard types.contains(.integer), let number = node.number else { return false }
                return number.rounded() == number && abs(number) < 9.3e18
            case .string?: return types.contains(.string)
            }
        }
    }

    private mutating func checkScalar(_ value: YAMLNode, slot: Int) {
        guard !value.isNull else { return }
        if let allowed = nodes[slot].enumValues {
            let text = value.text ?? ""
            if !allowed.contains(text) { reportEnum(value, text: text, allowed: nodes[slot].enumList) }
        }
        switch nodes[slot].format {
        case .quantity where value.scalarType == .string:
            if let text = value.text, !ScalarFormats.isQuantity(text) { reportQuantity(value, text: text) }
        case .byte where value.scalarType == .string:
            if let text = value.text, let offset = ScalarFormats.base64ErrorOffset(text) {
                reportBase64(value, offset: offset)
            }
        default:
            break
        }
        if let bounds = nodes[slot].bounds { checkBounds(value, bounds: bounds) }
    }

    private mutating func checkMapping(_ value: YAMLNode, slot: Int, depth: Int) {
        let owner = Int32(slot)
        var present: UInt64 = 0
        let tree = value.tree
        let table = nodes[slot].keyTable
        let pairs = value.record
        // The tree's arrays are opened once per mapping, not once per key: each access through the tree would
        // retain and release its buffer.
        tree.children.withUnsafeBufferPointer { children in
            tree.records.withUnsafeBufferPointer { records in
                tree.arena.withUnsafeBufferPointer { arena in
                    for offset in stride(from: Int(pairs.first), to: Int(pairs.first + pairs.count), by: 2) {
                        // The key's bytes are looked up in place: no String is made unless a finding needs the name.
                        let keyID = children[offset]
                        let record = records[Int(keyID)]
                        guard record.kind == .scalar else { continue }
                        let first = Int(record.first), count = Int(record.count)
                        let bytes = UnsafeBufferPointer(rebasing: arena[first..<(first + count)])
                        if partial, bytes.first == UInt8(ascii: "$") { continue }
                        if let field = table.field(for: bytes) {
                            present |= field.requiredBit
                            path.push(keyNode: keyID)
                            check(tree.node(children[offset + 1]), against: field.node, owner: owner, depth: depth + 1)
                            path.pop()
                            continue
                        }
                        switch nodes[slot].additional {
                        case .schema(let target):
                            path.push(keyNode: keyID)
                            check(tree.node(children[offset + 1]), against: target, owner: owner, depth: depth + 1)
                            path.pop()
                        case .forbidden where !nodes[slot].preservesUnknownFields:
                            let key = tree.node(keyID)
                            reportUnknownField(key, name: key.text ?? "", owner: owner)
                        case .forbidden, .allowed:
                            break
                        }
                    }
                }
            }
        }
        let mask = nodes[slot].requiredMask
        if partial {
            if let bounds = nodes[slot].bounds { checkCount(value, bounds: bounds) }
            return
        }
        if present != mask {
            for name in nodes[slot].required {
                if let bit = nodes[slot].fields[name]?.requiredBit, bit != 0, present & bit == 0 {
                    reportRequired(value, name: name, owner: owner)
                }
            }
        }
        for name in nodes[slot].unindexedRequired where value.pair(forKey: name) == nil {
            reportRequired(value, name: name, owner: owner)
        }
        if let bounds = nodes[slot].bounds { checkCount(value, bounds: bounds) }
    }

    private mutating func checkBounds(_ value: YAMLNode, bounds: SchemaBounds) {
        if let number = value.number {
            if let minimum = bounds.minimum, number < minimum {
                reportValue(value, "should be greater than or equal to \(Self.format(minimum))")
            }
            if let maximum = bounds.maximum, number > maximum {
                reportValue(value, "should be less than or equal to \(Self.format(maximum))")
            }
        }
        if value.scalarType == .string, let text = value.text {
            let length = text.count
            if let minimum = bounds.minLength, length < minimum {
                reportValue(value, "should be at least \(minimum) chars long")
            }
            if let maximum = bounds.maxLength, length > maximum {
                reportValue(value, "should be at most \(maximum) chars long")
            }
        }
    }

    private mutating func checkCount(_ value: YAMLNode, bounds: SchemaBounds) {
        guard value.isSequence else { return }
        if let minimum = bounds.minItems, value.count < minimum {
            reportValue(value, "should have at least \(minimum) items")
        }
        if let maximum = bounds.maxItems, value.count > maximum {
            reportValue(value, "should have at most \(maximum) items")
        }
    }

    private static func format(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}
