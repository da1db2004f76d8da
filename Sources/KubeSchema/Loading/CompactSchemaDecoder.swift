/// Reads the compact schema form that `scripts/schemas/generate.py` writes (`schemas/kubernetes-1.NN.json`,
/// format described in that script), lazily.
///
/// The generator puts every kind and every node on a line of its own, so opening a version only splits the text
/// into lines and parses the header and kinds; a node is parsed when `SchemaTable.materialize` first reaches it.
/// `kubec lint` on a file of three kinds decodes a few dozen of the ~1,500 nodes. Node indices in the file are
/// table indices, so there is nothing to resolve.
package enum CompactSchemaDecoder {
    /// A malformed compact text: only possible if a generated file was edited by hand.
    package struct Failure: Error, Sendable, Equatable {
        /// What is malformed.
        package var message: String
    }

    /// Opens a compact text: header and kinds decoded, nodes left for `materialize`.
    package static func open(_ text: UnsafeBufferPointer<UInt8>) -> Result<SchemaTable, Failure> {
        var lines: [Range<Int>] = []
        var start = 0
        for index in 0..<text.count where text[index] == UInt8(ascii: "\n") {
            lines.append(start..<index)
            start = index + 1
        }
        if start < text.count { lines.append(start..<text.count) }
        func line(_ index: Int) -> JSONValue? {
            let range = lines[index]
            var slice = UnsafeBufferPointer(rebasing: text[range])
            while let last = slice.last, last == UInt8(ascii: ",") || last == UInt8(ascii: " ") {
                slice = UnsafeBufferPointer(rebasing: slice.dropLast())
            }
            guard case .success(let value) = JSONParser.parse(slice) else { return nil }
            return value
        }
        func header(_ index: Int, _ key: String) -> JSONValue? {
            guard index < lines.count else { return nil }
            let range = lines[index]
            let slice = UnsafeBufferPointer(rebasing: text[range])
            var bytes = Array(slice)
            while let last = bytes.last, last == UInt8(ascii: ",") { bytes.removeLast() }
            if bytes.first == UInt8(ascii: "{") { bytes.removeFirst() }
            guard case .success(let value) = JSONParser.parse([UInt8(ascii: "{")] + bytes + [UInt8(ascii: "}")])
            else { return nil }
            return value[key]
        }
        func lineText(_ index: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: text[lines[index]]), as: UTF8.self)
        }
        guard let version = header(1, "kubernetesVersion")?.string, let objectMeta = header(2, "objectMeta")?.int,
              lines.count > 4, lineText(3) == #" "kinds": ["#
        else { return .failure(Failure(message: "unexpected header layout")) }
        var cursor = 4
        var kinds: [(KindKey, Int)] = []
        while cursor < lines.count, let entry = line(cursor)?.array {
            guard entry.count == 3, let apiVersion = entry[0].string, let kind = entry[1].string,
                  let root = entry[2].int
            else { return .failure(Failure(message: "malformed kind on line \(cursor + 1)")) }
            kinds.append((KindKey(apiVersion: apiVersion, kind: kind), root))
            cursor += 1
        }
        guard cursor + 1 < lines.count, lineText(cursor + 1) == #" "nodes": ["#
        else { return .failure(Failure(message: "unexpected layout before nodes")) }
        let first = cursor + 2
        let nodeLines = Array(lines[first..<max(first, lines.count - 1)])
        let source = CompactNodeSource(version: version, text: text, lines: nodeLines)
        guard objectMeta >= 0, objectMeta < nodeLines.count,
              kinds.allSatisfy({ $0.1 >= 0 && $0.1 < nodeLines.count })
        else { return .failure(Failure(message: "node index out of range")) }
        return .success(SchemaTable(lazy: source, kinds: kinds, objectMeta: Int32(objectMeta)))
    }
}

/// The node lines of a compact text in static memory (a `StaticString` compiled into the binary).
package struct CompactNodeSource: @unchecked Sendable {
    /// The Kubernetes version of the text.
    package let version: String
    private let text: UnsafeBufferPointer<UInt8>
    private let lines: [Range<Int>]

    /// `text` must outlive the source: it is the bytes of a `StaticString`.
    init(version: String, text: UnsafeBufferPointer<UInt8>, lines: [Range<Int>]) {
        self.version = version
        self.text = text
        self.lines = lines
    }

    /// The number of nodes.
    package var count: Int { lines.count }

    /// Decodes node `index`; nil when its line is malformed.
    package func node(at index: Int) -> SchemaNode? {
        var slice = UnsafeBufferPointer(rebasing: text[lines[index]])
        while let last = slice.last, last == UInt8(ascii: ",") || last == UInt8(ascii: " ") {
            slice = UnsafeBufferPointer(rebasing: slice.dropLast())
        }
        guard case .success(let value) = JSONParser.parse(slice) else { return nil }
        return Self.decodeNode(value, count: lines.count)
    }

    private static func index(_ value: JSONValue?, count: Int) -> Int32? {
        guard let value, let index = value.int, index >= -1, index < count else { return nil }
        return Int32(index)
    }

    static func decodeNode(_ value: JSONValue, count: Int) -> SchemaNode? {
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
