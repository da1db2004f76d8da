/// A parser, over a file's bytes, for the block-style YAML that Kubernetes manifests are written in.
///
/// It makes exactly the `TreeBuilder` calls that `FileParser`'s libyaml loop makes for the same text (the
/// same scalars, styles, collections and start/end marks, libyaml's marks included), and gives up (`nil`)
/// the moment it meets anything outside its subset: tabs, CR, anchors, aliases, tags, directives, complex
/// keys, multi-line plain, quoted or flow nodes, rare escapes, explicit block-scalar indentation, and every
/// error. Errors and everything else are left to libyaml, so their wording and positions are libyaml's.
///
/// The subset: documents (`---`, `...`), comments, block mappings and sequences (compact `- key: v` and
/// sequences at their key's indent included), one-line plain and quoted scalars, one-line flow collections,
/// and literal/folded block scalars. `FastScannerDifferentialTests` holds it to libyaml's trees.
///
/// Every method is `mutating`, the readers too: a non-mutating method called from a mutating one gets a copy of
/// the whole scanner (its builder included, 320 bytes, one `memcpy` per call), which was 18% of the parse.
struct FastScanner {
    /// Thrown to give up; the caller parses the file with libyaml instead.
    struct Unsupported: Error {}

    static let space = UInt8(ascii: " ")
    static let newline = UInt8(ascii: "\n")
    static let tab = UInt8(ascii: "\t")
    static let dash = UInt8(ascii: "-")
    static let colon = UInt8(ascii: ":")
    static let hash = UInt8(ascii: "#")

    enum BlockKind { case mapping, sequence }

    /// An open block collection: its kind and the column (0-based) of its keys or dashes.
    struct Block {
        var kind: BlockKind
        var indent: Int
        /// A sequence whose dashes sit at its parent key's column (`key:\n- a`): it has no indent of its own.
        var indentless: Bool
    }

    /// A node that has not started yet: after `key:` or `-` with nothing more on the line, or a new document.
    struct Pending {
        /// Where libyaml puts the empty scalar if no node follows (just after the `:` or `-`).
        var emptyMark: SourceLocation
        /// The column the node must be indented beyond (the enclosing block's).
        var indent: Int
        var isMapValue: Bool
        var isRoot: Bool
    }

    let base: UnsafePointer<UInt8>
    let count: Int
    let limits: YAMLLimits
    var builder: TreeBuilder
    /// Scalar bytes that differ from the input's (escapes, block scalars).
    var scratch: [UInt8] = []

    // The current line: bytes `lineStart..<lineEnd` (`lineEnd` is the newline or the end of the file).
    var lineStart = 0
    var lineEnd = 0
    var lineNumber: Int32 = 0
    var lineIsASCII = true
    var lineHasTab = false
    var nextStart = 0
    var nextLineNumber: Int32 = 1

    var blocks: [Block] = []
    var flowDepth = 0
    var pending: Pending?
    var inDocument = false
    var sawDocument = false
    var documentIndex = 0
    var documentNodes: Int64 = 0

    /// The tree of `bytes`, or nil when the file needs libyaml.
    static func parse(file: String, bytes: [UInt8], limits: YAMLLimits) -> FileParser.Output? {
        bytes.withUnsafeBufferPointer { buffer -> FileParser.Output? in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return nil }
            var scanner = FastScanner(
                base: base, count: buffer.count, limits: limits,
                builder: TreeBuilder(file: file, limits: limits, expectedBytes: buffer.count, source: bytes))
            do {
                try scanner.run()
            } catch {
                return nil
            }
            let builder = scanner.builder
            return FileParser.Output(tree: builder.finish(), roots: builder.roots, diagnostics: builder.diagnostics)
        }
    }

    private init(base: UnsafePointer<UInt8>, count: Int, limits: YAMLLimits, builder: TreeBuilder) {
        self.base = base
        self.count = count
        self.limits = limits
        self.builder = builder
        blocks.reserveCapacity(16)
    }

    private mutating func run() throws {
        // A BOM (or a UTF-16 file) is left to libyaml; the line check refuses U+FEFF anywhere else.
        if count >= 2, base[0] == 0xFE || base[0] == 0xFF { throw Unsupported() }
        while try advance() {
            try handleLine()
        }
        guard inDocument else { return }
        // libyaml closes the blocks indented beyond the end of a last line without a newline where that line
        // ends, and the rest on the line after (its stream end forces a new line).
        var early: SourceLocation?
        if base[count - 1] != Self.newline { early = location(of: count) }
        try closeDocument(at: SourceLocation(line: nextLineNumber, column: 1), early: early)
    }

    // MARK: Lines

    private mutating func handleLine() throws {
        var first = lineStart
        while first < lineEnd, base[first] == Self.space { first += 1 }
        if first == lineEnd {
            if lineHasTab { throw Unsupported() }
            return
        }
        let byte = base[first]
        if byte == Self.hash { return }
        if lineHasTab { throw Unsupported() }
        let indent = first - lineStart
        if indent == 0 {
            if isMarker(Self.dash) { return try documentStartMarker() }
            if isMarker(UInt8(ascii: ".")) { return try documentEndMarker() }
            if byte == UInt8(ascii: "%") { throw Unsupported() }
        }
        if !inDocument {
            // Only the first document may start without `---`.
            if sawDocument { throw Unsupported() }
            try openDocument()
        }
        try content(at: first, indent: indent)
    }

    /// `---` or `...` at the start of the line, followed by a blank or the end of the line.
    private mutating func isMarker(_ byte: UInt8) -> Bool {
        guard lineEnd - lineStart >= 3, base[lineStart] == byte, base[lineStart + 1] == byte,
              base[lineStart + 2] == byte else { return false }
        return lineEnd - lineStart == 3 || base[lineStart + 3] == Self.space
    }

    /// After a token: nothing but spaces, then the end of the line or a comment after a space.
    mutating func expectLineRest(from index: Int) throws {
        var position = index
        while position < lineEnd, base[position] == Self.space { position += 1 }
        if position == lineEnd { return }
        guard base[position] == Self.hash, position > index else { throw Unsupported() }
    }

    /// Whether a comment follows `index` on the line (after spaces).
    private mutating func lineHasCommentAfter(_ index: Int) -> Bool {
        var position = index
        while position < lineEnd, base[position] == Self.space { position += 1 }
        return position < lineEnd && base[position] == Self.hash
    }

    // MARK: Documents

    private mutating func openDocument() throws {
        guard documentIndex < limits.maxDocumentsPerFile - 1 else { throw Unsupported() }
        builder.beginDocument()
        inDocument = true
        sawDocument = true
        documentNodes = 0
        pending = Pending(emptyMark: SourceLocation(line: 0, column: 0), indent: -1, isMapValue: false, isRoot: true)
    }

    private mutating func closeDocument(at mark: SourceLocation, early: SourceLocation? = nil) throws {
        if let waiting = pending {
            try emitEmpty(at: waiting.isRoot ? mark : waiting.emptyMark)
            pending = nil
        }
        if let early {
            while let top = blocks.last, top.indent > Int(early.column) - 1 {
                blocks.removeLast()
                builder.endCollection(end: early)
            }
        }
        while !blocks.isEmpty {
            blocks.removeLast()
            builder.endCollection(end: mark)
        }
        builder.endDocument(index: documentIndex)
        documentIndex += 1
        inDocument = false
    }

    private mutating func documentStartMarker() throws {
        if inDocument { try closeDocument(at: SourceLocation(line: lineNumber, column: 1)) }
        try openDocument()
        try expectLineRest(from: lineStart + 3)
    }

    private mutating func documentEndMarker() throws {
        guard inDocument else { throw Unsupported() }
        try closeDocument(at: SourceLocation(line: lineNumber, column: 1))
        try expectLineRest(from: lineStart + 3)
    }

    // MARK: Block structure

    /// The first token of a line, at `first` (column `indent`), inside a document.
    private mutating func content(at first: Int, indent: Int) throws {
        let isDash = isBlockEntry(at: first)
        if let waiting = pending {
            pending = nil
            if waiting.isRoot {
                return try startNode(at: first, blockIndent: -1, allowKey: true, allowDash: true, isRoot: true)
            }
            if indent > waiting.indent {
                return try startNode(at: first, blockIndent: waiting.indent, allowKey: true, allowDash: true)
            }
            if indent == waiting.indent, waiting.isMapValue, isDash {
                try beginBlock(.sequence, indent: indent, indentless: true, at: first)
                return try blockEntry(at: first)
            }
            try emitEmpty(at: waiting.emptyMark)
        }
        let mark = location(of: first)
        while let top = blocks.last, top.indent > indent || (top.indentless && top.indent == indent && !isDash) {
            blocks.removeLast()
            builder.endCollection(end: mark)
        }
        guard let top = blocks.last, top.indent == indent else { throw Unsupported() }
        switch top.kind {
        case .sequence:
            guard isDash else { throw Unsupported() }
            try blockEntry(at: first)
        case .mapping:
            guard !isDash else { throw Unsupported() }
            let token = try scanScalar(at: first, flow: false)
            guard token.isKey else { throw Unsupported() }
            try keyAndValue(token)
        }
    }

    /// `-` followed by a space or the end of the line.
    private mutating func isBlockEntry(at index: Int) -> Bool {
        base[index] == Self.dash && (index + 1 == lineEnd || base[index + 1] == Self.space)
    }

    /// A node starting at `index`: a block collection, a flow collection, a block scalar or a scalar.
    private mutating func startNode(
        at index: Int, blockIndent: Int, allowKey: Bool, allowDash: Bool, isRoot: Bool = false
    ) throws {
        let byte = base[index]
        if isBlockEntry(at: index) {
            guard allowDash else { throw Unsupported() }
            try beginBlock(.sequence, indent: index - lineStart, indentless: false, at: index)
            return try blockEntry(at: index)
        }
        if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
            guard !isRoot else { throw Unsupported() }
            let end = try flowCollection(at: index)
            var after = end
            while after < lineEnd, base[after] == Self.space { after += 1 }
            if after < lineEnd, base[after] == Self.colon { throw Unsupported() }
            return try expectLineRest(from: end)
        }
        if byte == UInt8(ascii: "|") || byte == UInt8(ascii: ">") {
            guard !isRoot else { throw Unsupported() }
            return try blockScalar(at: index, blockIndent: blockIndent)
        }
        let token = try scanScalar(at: index, flow: false)
        if token.isKey {
            guard allowKey else { throw Unsupported() }
            try beginBlock(.mapping, indent: index - lineStart, indentless: false, at: index)
            return try keyAndValue(token)
        }
        guard !isRoot else { throw Unsupported() }
        try emit(token)
        try expectLineRest(from: token.next)
        if token.style == .plain, !lineHasCommentAfter(token.next) {
            try checkPlainEndsHere(blockIndent: blockIndent)
        }
    }

    /// A key scanned at the start of a mapping entry, its `:`, and whatever follows on the line.
    private mutating func keyAndValue(_ key: ScalarToken) throws {
        // libyaml looks for a simple key's ':' within 1024 characters.
        guard key.next - key.start < 1000 else { throw Unsupported() }
        try emit(key)
        let mappingIndent = blocks[blocks.count - 1].indent
        let afterColon = key.next + 1
        let emptyMark = location(of: afterColon)
        var value = afterColon
        while value < lineEnd, base[value] == Self.space { value += 1 }
        if value == lineEnd || base[value] == Self.hash {
            pending = Pending(emptyMark: emptyMark, indent: mappingIndent, isMapValue: true, isRoot: false)
            return
        }
        try startNode(at: value, blockIndent: mappingIndent, allowKey: false, allowDash: false)
    }

    /// `-` at `index`, and the node after it on the line (or a pending node).
    private mutating func blockEntry(at index: Int) throws {
        let column = index - lineStart
        var value = index + 1
        while value < lineEnd, base[value] == Self.space { value += 1 }
        if value == lineEnd || base[value] == Self.hash {
            pending = Pending(emptyMark: location(of: index + 1), indent: column, isMapValue: false, isRoot: false)
            return
        }
        try startNode(at: value, blockIndent: column, allowKey: true, allowDash: false)
    }

    private mutating func beginBlock(_ kind: BlockKind, indent: Int, indentless: Bool, at index: Int) throws {
        try countNode()
        guard blocks.count + flowDepth < limits.maxDepth - 1 else { throw Unsupported() }
        builder.beginCollection(
            kind: kind == .mapping ? .mapping : .sequence, flow: false, anchor: nil, start: location(of: index))
        blocks.append(Block(kind: kind, indent: indent, indentless: indentless))
    }

    /// A plain scalar that ran to the end of its line ends there only if the next line with content is a
    /// comment or is not indented beyond `blockIndent`; otherwise libyaml would fold it (multi-line plain).
    private mutating func checkPlainEndsHere(blockIndent: Int) throws {
        var position = lineEnd + 1
        while position < count {
            let start = position
            while position < count, base[position] == Self.space { position += 1 }
            guard position < count else { return }
            let byte = base[position]
            if byte == Self.newline {
                position += 1
                continue
            }
            if byte == Self.hash { return }
            if byte == Self.tab || byte == UInt8(ascii: "\r") { throw Unsupported() }
            if position - start > blockIndent { throw Unsupported() }
            return
        }
    }

    // MARK: Emitting

    mutating func countNode() throws {
        documentNodes += 1
        guard documentNodes < limits.maxExpandedNodes - 1 else { throw Unsupported() }
    }

    mutating func emitEmpty(at mark: SourceLocation) throws {
        try countNode()
        let empty = UnsafeBufferPointer<UInt8>(start: base, count: 0)
        builder.scalar(inputBytes: empty, at: 0, style: .plain, start: mark, end: mark)
    }

    mutating func emit(_ token: ScalarToken) throws {
        try countNode()
        let start = location(of: token.start)
        let end = location(of: token.end)
        try emitBytes(token, style: token.style, start: start, end: end)
    }

    /// Hands the builder the token's value: the input bytes themselves, or the unescaped copy in `scratch`.
    mutating func emitBytes(_ token: ScalarToken, style: ScalarStyle, start: SourceLocation, end: SourceLocation) throws {
        if token.usesScratch {
            guard scratch.count <= limits.maxScalarBytes else { throw Unsupported() }
            let value = scratch
            value.withUnsafeBufferPointer { bytes in
                builder.scalar(bytes: bytes, style: style, tag: nil, anchor: nil, start: start, end: end)
            }
        } else {
            guard token.valueEnd - token.valueStart <= limits.maxScalarBytes else { throw Unsupported() }
            let bytes = UnsafeBufferPointer(start: base + token.valueStart, count: token.valueEnd - token.valueStart)
            builder.scalar(inputBytes: bytes, at: token.valueStart, style: style, start: start, end: end)
        }
    }
}
