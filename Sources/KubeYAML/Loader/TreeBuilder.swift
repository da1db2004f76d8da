/// Builds a `YAMLTree` from libyaml events, one node at a time, with no recursion.
///
/// Open collections sit on an explicit stack, so nesting depth costs heap, not stack, and is capped by
/// `YAMLLimits.maxDepth`. The children of every open collection are collected on one flat stack (`pending`),
/// each collection's run above its parent's, and copied into the flat `children` array when it closes (no
/// array per open collection). Merge keys (`<<`) are applied and duplicate keys reported at that point.
struct TreeBuilder {
    let file: String
    let limits: YAMLLimits
    private(set) var records: [NodeRecord] = []
    private(set) var children: [Int32] = []
    private(set) var arena: [UInt8] = []
    private(set) var roots: [(id: Int32, document: Int)] = []
    var diagnostics: [Diagnostic] = []

    /// Nodes each node stands for once aliases are followed (saturating), parallel to `records`; empty when
    /// the caller bounds the node count itself (the fast scanner: no aliases, and it counts every node).
    private var expandedSizes: [Int64] = []
    private let tracksExpansion: Bool
    /// True while `arena` is still the caller's input array, shared and unchanged: scalars found verbatim in
    /// the input then point into it (no copy); the first unescaped value makes the arena a copy of its own.
    private var arenaIsSource = false
    /// How many bytes at the start of the arena are the input's (0 without a source); a copied arena keeps them.
    private var sourceCount = 0
    private var stack: [Frame] = []
    /// The children collected so far by the open collections, outermost first (each frame knows where its own
    /// run starts).
    private var pending: [Int32] = []
    private var anchors: [String: Int32] = [:]
    private var skippingDocument = false
    private var documentRoot: Int32?

    private struct Frame {
        var id: Int32
        /// Where this collection's children start in `pending`.
        var start: Int
    }

    /// `source`, when given, is the input the scalars of `scalar(inputBytes:at:…)` lie in: it becomes the start
    /// of the arena, shared with the caller (no copy). Without it the node count is bounded by alias expansion
    /// (libyaml's trees); with it the caller bounds it (`FastScanner` counts every node and has no aliases).
    init(file: String, limits: YAMLLimits, expectedBytes: Int, source: [UInt8]? = nil) {
        self.file = file
        self.limits = limits
        tracksExpansion = source == nil
        // Manifests average one node per 8.5 bytes (one per 6 at the densest seen); reserving for one per 6
        // spares the regrowth copies, and pages never touched cost nothing.
        let nodes = expectedBytes / 6 + 16
        records.reserveCapacity(nodes)
        children.reserveCapacity(nodes)
        if let source {
            arena = source
            arenaIsSource = true
            sourceCount = source.count
        } else {
            expandedSizes.reserveCapacity(nodes)
            arena.reserveCapacity(expectedBytes)
        }
    }

    func finish() -> YAMLTree {
        YAMLTree(file: file, records: records, children: children, arena: arena)
    }

    // MARK: Documents

    mutating func beginDocument() {
        anchors.removeAll(keepingCapacity: true)
        skippingDocument = false
        documentRoot = nil
        abandonOpenCollections()
    }

    mutating func endDocument(index: Int) {
        defer { documentRoot = nil }
        guard !skippingDocument, let root = documentRoot else { return }
        // An empty document (`---` and nothing) is a null scalar: kubectl skips it, and so do we.
        if records[Int(root)].kind == .scalar, records[Int(root)].type == .null { return }
        roots.append((root, index))
    }

    /// Drops a document that broke part-way (syntax error) or exceeded a limit.
    mutating func abandonDocument() {
        abandonOpenCollections()
        documentRoot = nil
        skippingDocument = false
    }

    private mutating func abandonOpenCollections() {
        stack.removeAll(keepingCapacity: true)
        pending.removeAll(keepingCapacity: true)
    }

    var isSkipping: Bool { skippingDocument }

    // MARK: Nodes

    mutating func scalar(
        bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle, tag: String?, anchor: String?,
        start: SourceLocation, end: SourceLocation
    ) {
        guard !skippingDocument else { return }
        guard bytes.count <= limits.maxScalarBytes else {
            diagnostics.append(Diagnostic(
                rule: YAMLRuleID.scalarLength, severity: .error,
                message: "a scalar of \(bytes.count) bytes is longer than \(limits.maxScalarBytes); the document is skipped",
                range: SourceRange(file: file, span: SourceSpan(start: start, end: start)),
                hint: "etcd stores no object over 1.5 MiB; move large data out of the manifest"))
            skip()
            return
        }
        let type = Self.resolve(bytes: bytes, style: style, tag: tag)
        if arenaIsSource, !bytes.isEmpty {
            // The first copied value: the arena becomes a copy of the input with room for the values to come.
            arena.reserveCapacity(arena.count + max(4_096, arena.count / 4))
            arenaIsSource = false
        }
        let first = Int32(arena.count)
        arena.append(contentsOf: bytes)
        let id = appendRecord(NodeRecord(
            kind: .scalar, style: style, type: type, flags: tag == nil ? 0 : NodeRecord.explicitTag,
            start: start, end: end, first: first, count: Int32(bytes.count)))
        if tracksExpansion { expandedSizes.append(1) }
        if let anchor { anchors[anchor] = id }
        attach(id)
    }

    /// A plain or quoted scalar whose value is the input's bytes `offset..<offset + bytes.count` as they stand
    /// (`bytes` points at them): recorded in place when the arena starts with the input (see `init`).
    mutating func scalar(
        inputBytes bytes: UnsafeBufferPointer<UInt8>, at offset: Int, style: ScalarStyle,
        start: SourceLocation, end: SourceLocation
    ) {
        guard offset >= 0, offset + bytes.count <= sourceCount, !skippingDocument, bytes.count <= limits.maxScalarBytes
        else { return scalar(bytes: bytes, style: style, tag: nil, anchor: nil, start: start, end: end) }
        let id = appendRecord(NodeRecord(
            kind: .scalar, style: style, type: style == .plain ? ScalarResolver.resolvePlain(bytes) : .string,
            flags: 0, start: start, end: end, first: Int32(offset), count: Int32(bytes.count)))
        attach(id)
    }

    mutating func alias(_ name: String, start: SourceLocation, end: SourceLocation) {
        guard !skippingDocument else { return }
        guard let target = anchors[name] else {
            diagnostics.append(Diagnostic(
                rule: YAMLRuleID.unknownAnchor, severity: .error,
                message: "unknown anchor '\(name)' referenced",
                range: SourceRange(file: file, span: SourceSpan(start: start, end: end)),
                hint: "define the anchor with &\(name) before this alias"))
            let id = appendRecord(NodeRecord(
                kind: .scalar, style: .plain, type: .null, flags: 0, start: start, end: end, first: 0, count: 0))
            if tracksExpansion { expandedSizes.append(1) }
            attach(id)
            return
        }
        attach(target)
    }

    mutating func beginCollection(
        kind: YAMLNodeKind, flow: Bool, anchor: String?, start: SourceLocation
    ) {
        guard !skippingDocument else { return }
        if stack.count >= limits.maxDepth {
            diagnostics.append(Diagnostic(
                rule: YAMLRuleID.depth, severity: .error,
                message: "nesting deeper than \(limits.maxDepth) levels; the document is skipped",
                range: SourceRange(file: file, span: SourceSpan(start: start, end: start)),
                hint: "flatten the document; no Kubernetes object nests this deep"))
            skip()
            return
        }
        let id = appendRecord(NodeRecord(
            kind: kind, style: .plain, type: .null, flags: flow ? NodeRecord.flowStyle : 0,
            start: start, end: start, first: 0, count: 0))
        if tracksExpansion { expandedSizes.append(1) }
        if let anchor { anchors[anchor] = id }
        stack.append(Frame(id: id, start: pending.count))
    }

    mutating func endCollection(end: SourceLocation) {
        guard !skippingDocument, let frame = stack.popLast() else { return }
        let index = Int(frame.id)
        let start = frame.start
        if records[index].kind == .mapping {
            if let merged = resolveMerges(pending[start...]) {
                pending.removeSubrange(start...)
                pending.append(contentsOf: merged)
            }
            reportDuplicateKeys(pending[start...])
        }
        var size: Int64 = 1
        if tracksExpansion {
            for position in start..<pending.count {
                size = size &+ expandedSizes[Int(pending[position])]
                if size > limits.maxExpandedNodes { break }
            }
            expandedSizes[index] = size
        }
        records[index].end = end
        records[index].first = Int32(children.count)
        records[index].count = Int32(pending.count - start)
        children.append(contentsOf: pending[start...])
        pending.removeSubrange(start...)
        if size > limits.maxExpandedNodes {
            diagnostics.append(Diagnostic(
                rule: YAMLRuleID.aliasExpansion, severity: .error,
                message: "document expands to more than \(limits.maxExpandedNodes) nodes through aliases; "
                    + "the document is skipped",
                range: SourceRange(file: file, span: SourceSpan(start: records[index].start, end: end)),
                hint: "this looks like a billion-laughs document; remove the nested aliases"))
            skip()
            return
        }
        attach(frame.id)
    }

    // MARK: Helpers

    private mutating func skip() {
        abandonOpenCollections()
        skippingDocument = true
        documentRoot = nil
    }

    private mutating func appendRecord(_ record: NodeRecord) -> Int32 {
        records.append(record)
        return Int32(records.count - 1)
    }

    private mutating func attach(_ id: Int32) {
        if stack.isEmpty {
            documentRoot = id
        } else {
            pending.append(id)
        }
    }

    static func resolve(bytes: UnsafeBufferPointer<UInt8>, style: ScalarStyle, tag: String?) -> ScalarType {
        if let tag {
            switch tag {
            case "tag:yaml.org,2002:str", "tag:yaml.org,2002:binary", "tag:yaml.org,2002:timestamp": return .string
            case "tag:yaml.org,2002:null": return .null
            case "tag:yaml.org,2002:bool": return ScalarResolver.resolvePlain(bytes) == .bool ? .bool : .string
            case "tag:yaml.org,2002:int": return ScalarResolver.resolvePlain(bytes) == .int ? .int : .string
            case "tag:yaml.org,2002:float":
                let type = ScalarResolver.resolvePlain(bytes)
                return type == .float || type == .int ? .float : .string
            case "!": return .string
            default: break
            }
        }
        return style == .plain ? ScalarResolver.resolvePlain(bytes) : .string
    }
}

// The readers below are `mutating` only so that calling them from the mutating methods passes the builder by
// address; a non-mutating call copies the whole builder first.
extension TreeBuilder {
    fileprivate mutating func keyBytesEqual(_ lhs: Int32, _ rhs: Int32) -> Bool {
        let left = records[Int(lhs)]
        let right = records[Int(rhs)]
        guard left.kind == .scalar, right.kind == .scalar, left.count == right.count else { return false }
        let count = Int(left.count)
        if count == 0 { return true }
        let a = Int(left.first)
        let b = Int(right.first)
        for offset in 0..<count where arena[a + offset] != arena[b + offset] { return false }
        return true
    }

    fileprivate mutating func keyText(_ id: Int32) -> String {
        let record = records[Int(id)]
        guard record.kind == .scalar else { return "<non-scalar key>" }
        return String(decoding: arena[Int(record.first)..<Int(record.first + record.count)], as: UTF8.self)
    }

    fileprivate mutating func isMergeKey(_ id: Int32) -> Bool {
        let record = records[Int(id)]
        return record.kind == .scalar && record.style == .plain && record.count == 2
            && arena[Int(record.first)] == UInt8(ascii: "<") && arena[Int(record.first) + 1] == UInt8(ascii: "<")
    }

    /// Applies `<<` merge keys: explicit keys win, then earlier merge sources over later ones. Nil when the
    /// mapping has no merge key (its pairs stay as they are).
    fileprivate mutating func resolveMerges(_ pairs: ArraySlice<Int32>) -> [Int32]? {
        var hasMerge = false
        var index = pairs.startIndex
        while index < pairs.endIndex {
            if isMergeKey(pairs[index]) { hasMerge = true; break }
            index += 2
        }
        guard hasMerge else { return nil }
        let items = Array(pairs)
        var explicit: [Int32] = []
        var sources: [Int32] = []
        index = 0
        while index + 1 < items.count {
            let key = items[index]
            let value = items[index + 1]
            if isMergeKey(key) {
                let record = records[Int(value)]
                if record.kind == .mapping {
                    sources.append(value)
                } else if record.kind == .sequence {
                    for offset in 0..<Int(record.count) {
                        let item = children[Int(record.first) + offset]
                        if records[Int(item)].kind == .mapping {
                            sources.append(item)
                        } else {
                            reportBadMerge(records[Int(item)])
                        }
                    }
                } else {
                    reportBadMerge(record)
                }
            } else {
                explicit.append(key)
                explicit.append(value)
            }
            index += 2
        }
        var result = explicit
        for source in sources {
            let record = records[Int(source)]
            var offset = 0
            while offset + 1 < Int(record.count) {
                let key = children[Int(record.first) + offset]
                let value = children[Int(record.first) + offset + 1]
                var present = false
                var existing = 0
                while existing < result.count {
                    if keyBytesEqual(result[existing], key) { present = true; break }
                    existing += 2
                }
                if !present {
                    result.append(key)
                    result.append(value)
                }
                offset += 2
            }
        }
        return result
    }

    private mutating func reportBadMerge(_ record: NodeRecord) {
        diagnostics.append(Diagnostic(
            rule: YAMLRuleID.mergeKey, severity: .error,
            message: "the value of a merge key (<<) must be a mapping or a sequence of mappings",
            range: SourceRange(file: file, span: SourceSpan(start: record.start, end: record.end))))
    }

    /// Reports every repeated key at the repeat, with a note at the first occurrence.
    fileprivate mutating func reportDuplicateKeys(_ items: ArraySlice<Int32>) {
        let pairs = items.count / 2
        guard pairs > 1 else { return }
        let base = items.startIndex
        if pairs <= 16 {
            for later in 1..<pairs {
                for earlier in 0..<later where keyBytesEqual(items[base + earlier * 2], items[base + later * 2]) {
                    reportDuplicate(first: items[base + earlier * 2], repeat: items[base + later * 2])
                    break
                }
            }
            return
        }
        var seen: [String: Int32] = [:]
        seen.reserveCapacity(pairs)
        for pair in 0..<pairs {
            let key = items[base + pair * 2]
            guard records[Int(key)].kind == .scalar else { continue }
            let text = keyText(key)
            if let first = seen[text] {
                reportDuplicate(first: first, repeat: key)
            } else {
                seen[text] = key
            }
        }
    }

    private mutating func reportDuplicate(first: Int32, repeat again: Int32) {
        let firstRecord = records[Int(first)]
        let repeatRecord = records[Int(again)]
        let name = keyText(again)
        diagnostics.append(Diagnostic(
            rule: YAMLRuleID.duplicateKey, severity: .error,
            message: "mapping key \"\(name)\" already defined at line \(firstRecord.start.line)",
            range: SourceRange(file: file, span: SourceSpan(start: repeatRecord.start, end: repeatRecord.end)),
            hint: "remove one of the two; Kubernetes keeps only the last value",
            notes: [DiagnosticNote(
                message: "first defined here",
                range: SourceRange(file: file, span: SourceSpan(start: firstRecord.start, end: firstRecord.end)))]))
    }
}
