/// Reads the bundled schemas that `scripts/schemas/generate.py` compiles into the binary, lazily.
///
/// The generator pools the nodes of every version (each distinct node once) and writes one node, and one kind
/// with its root per version, on a line of its own. Opening a version only splits the node texts into lines and
/// parses the kinds; a node is parsed when `SchemaTable.materialize` first reaches it. `kubec lint` on a file of
/// three kinds decodes a few dozen of the ~2,600 nodes. Node indices are table indices: nothing to resolve.
package enum CompactSchemaDecoder {
    /// A malformed compact text: only possible if a generated file was edited by hand.
    package struct Failure: Error, Sendable, Equatable {
        /// What is malformed.
        package var message: String
    }

    /// Opens version `version`, the `column`th root of every kind line: kinds decoded, nodes left for `materialize`.
    package static func open(
        version: String, column: Int, objectMeta: Int,
        kinds: UnsafeBufferPointer<UInt8>, nodes: [UnsafeBufferPointer<UInt8>]
    ) -> Result<SchemaTable, Failure> {
        let nodeLines = nodes.flatMap(lines(of:))
        var table: [(KindKey, Int)] = []
        for (number, line) in lines(of: kinds).enumerated() {
            guard case .success(let value) = JSONParser.parse(line), let entry = value.array, entry.count == 3,
                  let apiVersion = entry[0].string, let kind = entry[1].string, let roots = entry[2].array,
                  column < roots.count, let root = roots[column].int
            else { return .failure(Failure(message: "malformed kind on line \(number + 1)")) }
            guard root >= 0 else { continue }
            guard root < nodeLines.count else { return .failure(Failure(message: "node index out of range")) }
            table.append((KindKey(apiVersion: apiVersion, kind: kind), root))
        }
        guard objectMeta >= 0, objectMeta < nodeLines.count
        else { return .failure(Failure(message: "node index out of range")) }
        let source = CompactNodeSource(version: version, lines: nodeLines)
        return .success(SchemaTable(lazy: source, kinds: table, objectMeta: Int32(objectMeta)))
    }

    /// The non-empty lines of `text`, as views into it.
    static func lines(of text: UnsafeBufferPointer<UInt8>) -> [UnsafeBufferPointer<UInt8>] {
        var lines: [UnsafeBufferPointer<UInt8>] = []
        var start = 0
        for index in 0...text.count where index == text.count || text[index] == UInt8(ascii: "\n") {
            if index > start { lines.append(UnsafeBufferPointer(rebasing: text[start..<index])) }
            start = index + 1
        }
        return lines
    }
}

/// The node lines of the bundled schemas, in static memory (`StaticString`s compiled into the binary).
package struct CompactNodeSource: @unchecked Sendable {
    /// The Kubernetes version of the table the source serves.
    package let version: String
    private let lines: [UnsafeBufferPointer<UInt8>]

    /// Every line must outlive the source: they are views into `StaticString`s.
    init(version: String, lines: [UnsafeBufferPointer<UInt8>]) {
        self.version = version
        self.lines = lines
    }

    /// The number of nodes.
    package var count: Int { lines.count }

    /// Decodes node `index`; nil when its line is malformed.
    package func node(at index: Int) -> SchemaNode? {
        guard case .success(let value) = JSONParser.parse(lines[index]) else { return nil }
        return Self.decodeNode(value, count: lines.count)
    }

    private static func index(_ value: JSONValue?, count: Int) -> Int32? {
        guard let value, let index = value.int, index >= -1, index < count else { return nil }
        return Int32(index)
    }

    package static func decodeNode(_ value: JSONValue, count: Int) -> SchemaNode? {
        guard value.members != nil else { return nil }
        var node = SchemaNode()
        node.name = value["n"]?.string
        if let bits = value["t"]?.int { node.types = JSONTypes(rawValue: UInt8(truncatingIfNeeded: bits)) }
        node.format = SchemaFormat(word: value["f"]?.string)
        for pair in value["p"]?.array ?? [] {
            guard let parts = pair.array, parts.count == 2, let name = parts[0].string,
                  let target = index(parts[1], count: count), target >= 0
            else { return nil }
            node.properties[name] = target
        }
        node.required = value["r"]?.array?.compactMap(\.string) ?? []
        if let values = value["e"]?.array {
            node.enumList = values.map(\.enumText)
            node.enumValues = Set(node.enumList)
        }
        if let additional = value["a"] {
            guard let target = index(additional, count: count) else { return nil }
            node.additional = target < 0 ? .forbidden : .schema(target)
        }
        if let items = value["i"] {
            guard let target = index(items, count: count), target >= 0 else { return nil }
            node.items = target
        }
        let flags = value["x"]?.int ?? 0
        node.preservesUnknownFields = flags & 1 != 0
        node.isEmbeddedResource = flags & 2 != 0
        return node
    }
}
