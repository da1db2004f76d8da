/// A view of one node of a `YAMLTree`: what every later stage reads the input through.
///
/// Cheap to copy (a reference and an index). Scalars answer their text, style and resolved type; mappings
/// answer key lookups (the last of duplicate keys wins, as sigs.k8s.io/yaml's JSON conversion does) and
/// their pairs in order; sequences answer their items.
package struct YAMLNode: Sendable {
    package let tree: YAMLTree
    package let id: Int32

    @inlinable
    package init(tree: YAMLTree, id: Int32) {
        self.tree = tree
        self.id = id
    }

    @inlinable
    package var record: NodeRecord { tree.records[Int(id)] }

    @inlinable package var kind: YAMLNodeKind { record.kind }
    @inlinable package var isScalar: Bool { record.kind == .scalar }
    @inlinable package var isMapping: Bool { record.kind == .mapping }
    @inlinable package var isSequence: Bool { record.kind == .sequence }

    /// Where the node starts and ends in its file.
    package var span: SourceSpan { SourceSpan(start: record.start, end: record.end) }
    /// Where the node starts.
    package var location: SourceLocation { record.start }
    /// The node's span with its file, for diagnostics.
    package var range: SourceRange { SourceRange(file: tree.file, span: span) }
    package var file: String { tree.file }

    // MARK: Scalars

    /// The resolved type of a scalar (goyaml.v2 rules for plain scalars; quoted ones are strings).
    package var scalarType: ScalarType? { isScalar ? record.type : nil }
    package var style: ScalarStyle? { isScalar ? record.style : nil }
    /// True for a scalar that was written unquoted (so YAML typed it).
    package var isPlain: Bool { isScalar && record.style == .plain }
    /// True for a scalar with an explicit tag such as `!!str`.
    package var hasExplicitTag: Bool { record.flags & NodeRecord.explicitTag != 0 }
    /// True for a mapping or sequence written in flow style (`{…}`, `[…]`).
    package var isFlow: Bool { record.flags & NodeRecord.flowStyle != 0 }

    /// A scalar's text as written (after unescaping), whatever its type; nil for collections.
    package var text: String? {
        let record = self.record
        guard record.kind == .scalar else { return nil }
        return tree.arena.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(record.first)..<Int(record.first + record.count)]),
                   as: UTF8.self)
        }
    }

    /// The text of a scalar that resolved to a string; nil otherwise.
    package var string: String? { scalarType == .string ? text : nil }
    /// True for a null scalar (`~`, `null`, empty).
    package var isNull: Bool { isScalar && record.type == .null }
    /// The value of a bool scalar.
    package var bool: Bool? { scalarType == .bool ? text.flatMap(ScalarResolver.boolValue) : nil }
    /// The value of an int scalar.
    package var int: Int64? { scalarType == .int ? text.flatMap(ScalarResolver.intValue) : nil }
    /// The value of an int or float scalar.
    package var number: Double? {
        switch scalarType {
        case .int, .float: text.flatMap(ScalarResolver.doubleValue)
        default: nil
        }
    }

    /// Compares a scalar's bytes with a string without allocating.
    @inlinable package func textEquals(_ other: String) -> Bool {
        let record = self.record
        guard record.kind == .scalar else { return false }
        var other = other
        return other.withUTF8 { theirs in
            guard theirs.count == Int(record.count) else { return false }
            return tree.arena.withUnsafeBufferPointer { arena in
                let base = Int(record.first)
                for index in 0..<theirs.count where arena[base + index] != theirs[index] { return false }
                return true
            }
        }
    }

    /// Whether a scalar's bytes start with a string's, without allocating.
    @inlinable package func textHasPrefix(_ prefix: String) -> Bool {
        let record = self.record
        guard record.kind == .scalar else { return false }
        var prefix = prefix
        return prefix.withUTF8 { theirs in
            guard theirs.count <= Int(record.count) else { return false }
            return tree.arena.withUnsafeBufferPointer { arena in
                let base = Int(record.first)
                for index in 0..<theirs.count where arena[base + index] != theirs[index] { return false }
                return true
            }
        }
    }

    /// Whether a scalar's bytes end with a string's, without allocating.
    @inlinable package func textHasSuffix(_ suffix: String) -> Bool {
        let record = self.record
        guard record.kind == .scalar else { return false }
        var suffix = suffix
        return suffix.withUTF8 { theirs in
            guard theirs.count <= Int(record.count) else { return false }
            return tree.arena.withUnsafeBufferPointer { arena in
                let base = Int(record.first + record.count) - theirs.count
                for index in 0..<theirs.count where arena[base + index] != theirs[index] { return false }
                return true
            }
        }
    }

    // MARK: Collections

    /// The number of pairs of a mapping or items of a sequence; 0 for scalars.
    @inlinable package var count: Int {
        let record = self.record
        switch record.kind {
        case .scalar: return 0
        case .mapping: return Int(record.count) / 2
        case .sequence: return Int(record.count)
        }
    }

    /// A mapping's pairs in source order (empty for other kinds).
    @inlinable package var pairs: YAMLPairs { YAMLPairs(tree: tree, record: record) }

    /// A sequence's items in order (empty for other kinds).
    @inlinable package var items: YAMLItems { YAMLItems(tree: tree, record: record) }

    /// The value of a key in a mapping; the last one when the key is duplicated.
    @inlinable package subscript(key: String) -> YAMLNode? {
        guard let index = indexOfKey(key) else { return nil }
        return YAMLNode(tree: tree, id: tree.children[index + 1])
    }

    /// The key node and value of a key in a mapping (for diagnostics that point at the key).
    @inlinable package func pair(forKey key: String) -> (key: YAMLNode, value: YAMLNode)? {
        guard let index = indexOfKey(key) else { return nil }
        return (YAMLNode(tree: tree, id: tree.children[index]), YAMLNode(tree: tree, id: tree.children[index + 1]))
    }

    /// The position in `children` of the last key equal to `key`, comparing bytes in place.
    @inlinable
    package func indexOfKey(_ key: String) -> Int? {
        var key = key
        return key.withUTF8 { wanted -> Int? in
            tree.records.withUnsafeBufferPointer { records -> Int? in
                let record = records[Int(id)]
                guard record.kind == .mapping else { return nil }
                return tree.children.withUnsafeBufferPointer { children -> Int? in
                    tree.arena.withUnsafeBufferPointer { arena -> Int? in
                        var index = Int(record.first + record.count) - 2
                        let first = Int(record.first)
                        while index >= first {
                            let keyRecord = records[Int(children[index])]
                            if keyRecord.kind == .scalar, Int(keyRecord.count) == wanted.count {
                                let base = Int(keyRecord.first)
                                var equal = true
                                for offset in 0..<wanted.count where arena[base + offset] != wanted[offset] {
                                    equal = false
                                    break
                                }
                                if equal { return index }
                            }
                            index -= 2
                        }
                        return nil
                    }
                }
            }
        }
    }

    /// Follows a path of keys through nested mappings.
    package subscript(path keys: String...) -> YAMLNode? {
        var node: YAMLNode? = self
        for key in keys { node = node?[key] }
        return node
    }
}

/// A mapping's pairs as a random-access collection of `(key, value)` nodes.
package struct YAMLPairs: RandomAccessCollection, Sendable {
    @usableFromInline let tree: YAMLTree
    @usableFromInline let first: Int
    package let count: Int

    @inlinable
    init(tree: YAMLTree, record: NodeRecord) {
        self.tree = tree
        first = Int(record.first)
        count = record.kind == .mapping ? Int(record.count) / 2 : 0
    }

    @inlinable package var startIndex: Int { 0 }
    @inlinable package var endIndex: Int { count }

    @inlinable
    package subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) {
        let base = first + position * 2
        return (YAMLNode(tree: tree, id: tree.children[base]), YAMLNode(tree: tree, id: tree.children[base + 1]))
    }
}

/// A sequence's items as a random-access collection of nodes.
package struct YAMLItems: RandomAccessCollection, Sendable {
    @usableFromInline let tree: YAMLTree
    @usableFromInline let first: Int
    package let count: Int

    @inlinable
    init(tree: YAMLTree, record: NodeRecord) {
        self.tree = tree
        first = Int(record.first)
        count = record.kind == .sequence ? Int(record.count) : 0
    }

    @inlinable package var startIndex: Int { 0 }
    @inlinable package var endIndex: Int { count }

    @inlinable
    package subscript(position: Int) -> YAMLNode { YAMLNode(tree: tree, id: tree.children[first + position]) }
}
