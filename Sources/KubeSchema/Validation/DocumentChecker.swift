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
    ///
    /// The walk goes by node id with the tree's arrays opened once for the whole document: a `YAMLNode` per
    /// node visited would retain the tree, and each array opened per node would retain its buffer. Nodes are
    /// made only for findings and for the scalars a schema constrains.
    mutating func check(_ value: YAMLNode, against index: Int32, owner: Int32, depth: Int = 0) {
        let tree = value.tree
        path.tree = tree
        tree.records.withUnsafeBufferPointer { records in
            tree.children.withUnsafeBufferPointer { children in
                tree.arena.withUnsafeBufferPointer { arena in
                    let walk = TreeWalk(tree: tree, records: records, children: children, arena: arena)
                    check(value.id, against: index, owner: owner, depth: depth, in: walk)
                }
            }
        }
    }

    /// The document's tree and its arrays, open for one walk.
    private struct TreeWalk {
        let tree: YAMLTree
        let records: UnsafeBufferPointer<NodeRecord>
        let children: UnsafeBufferPointer<Int32>
        let arena: UnsafeBufferPointer<UInt8>
    }

    private mutating func check(_ id: Int32, against index: Int32, owner: Int32, depth: Int, in walk: TreeWalk) {
        guard depth < Self.maxDepth else { return }
        let slot = Int(index)
        let record = walk.records[Int(id)]
        let types = nodes[slot].types
        if !types.isEmpty, !Self.accepts(types, record, walk.tree.node(id)) {
            reportType(walk.tree.node(id), expected: types, owner: owner)
            return
        }
        switch record.kind {
        case .scalar:
            // Only a constrained scalar needs a look at its value.
            // (`case` patterns: `==` on these enums goes through a protocol witness here.)
            if !Self.isNull(record), nodes[slot].enumValues != nil || !Self.isUnformatted(nodes[slot].format)
                || nodes[slot].bounds != nil
            {
                checkScalar(walk.tree.node(id), slot: slot)
            }
        case .mapping:
            checkMapping(id, record, slot: slot, depth: depth, in: walk)
        case .sequence:
            let items = nodes[slot].items
            if items >= 0 {
                for offset in 0..<Int(record.count) {
                    path.push(offset)
                    check(walk.children[Int(record.first) + offset], against: items, owner: owner, depth: depth + 1,
                          in: walk)
                    path.pop()
                }
            }
            if let bounds = nodes[slot].bounds { checkCount(walk.tree.node(id), bounds: bounds) }
        }
    }

    private static func isNull(_ record: NodeRecord) -> Bool {
        if case .null = record.type { return true }
        return false
    }

    private static func isUnformatted(_ format: SchemaFormat) -> Bool {
        if case .none = format { return true }
        return false
    }

    /// `accepts(_:_:)` read from the node's record; `node` is asked for only for floats.
    private static func accepts(_ types: JSONTypes, _ record: NodeRecord, _ node: @autoclosure () -> YAMLNode) -> Bool {
        switch record.kind {
        case .mapping: return types.contains(.object)
        case .sequence: return types.contains(.array)
        case .scalar:
            switch record.type {
            case .null: return types.contains(.null)
            case .bool: return types.contains(.boolean)
            case .int: return !types.isDisjoint(with: [.integer, .number])
            case .float: return accepts(types, node())
            case .string: return types.contains(.string)
            }
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

    private mutating func checkMapping(
        _ id: Int32, _ pairs: NodeRecord, slot: Int, depth: Int, in walk: TreeWalk
    ) {
        let owner = Int32(slot)
        var present: UInt64 = 0
        for offset in stride(from: Int(pairs.first), to: Int(pairs.first + pairs.count), by: 2) {
            // The key's bytes are looked up in place: no String is made unless a finding needs the name.
            let keyID = walk.children[offset]
            let record = walk.records[Int(keyID)]
            guard case .scalar = record.kind else { continue }
            let first = Int(record.first), count = Int(record.count)
            let bytes = UnsafeBufferPointer(rebasing: walk.arena[first..<(first + count)])
            if partial, bytes.first == UInt8(ascii: "$") { continue }
            // Read in place: a copy of the table would retain each of its arrays.
            if let field = nodes[slot].keyTable.field(for: bytes) {
                present |= field.requiredBit
                path.push(keyNode: keyID)
                check(walk.children[offset + 1], against: field.node, owner: owner, depth: depth + 1, in: walk)
                path.pop()
                continue
            }
            switch nodes[slot].additional {
            case .schema(let target):
                path.push(keyNode: keyID)
                check(walk.children[offset + 1], against: target, owner: owner, depth: depth + 1, in: walk)
                path.pop()
            case .forbidden where !nodes[slot].preservesUnknownFields:
                let key = walk.tree.node(keyID)
                reportUnknownField(key, name: key.text ?? "", owner: owner)
            case .forbidden, .allowed:
                break
            }
        }
        let mask = nodes[slot].requiredMask
        if partial {
            if let bounds = nodes[slot].bounds { checkCount(walk.tree.node(id), bounds: bounds) }
            return
        }
        if present != mask {
            for name in nodes[slot].required {
                if let bit = nodes[slot].fields[name]?.requiredBit, bit != 0, present & bit == 0 {
                    reportRequired(walk.tree.node(id), name: name, owner: owner)
                }
            }
        }
        if !nodes[slot].unindexedRequired.isEmpty {
            let value = walk.tree.node(id)
            for name in nodes[slot].unindexedRequired where value.pair(forKey: name) == nil {
                reportRequired(value, name: name, owner: owner)
            }
        }
        if let bounds = nodes[slot].bounds { checkCount(walk.tree.node(id), bounds: bounds) }
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
