/// Reads the compact schema form that `scripts/schemas/generate.py` writes (`schemas/kubernetes-1.NN.json`,
/// format described in that script) into a `SchemaTable`.
///
/// Node indices in the file are table indices, so decoding is one pass with no reference resolution.
package enum CompactSchemaDecoder {
    /// A malformed compact file: only possible if a generated file was edited by hand.
    package struct Failure: Error, Sendable, Equatable {
        package var message: String
    }

    /// Decodes a parsed compact file.
    package static func decode(_ value: JSONValue) -> Result<(version: String, table: SchemaTable), Failure> {
        guard let version = value["kubernetesVersion"]?.string,
              let kinds = value["kinds"]?.array, let nodes = value["nodes"]?.array
        else { return .failure(Failure(message: "missing kubernetesVersion, kinds or nodes")) }
        var table = SchemaTable()
        for entry in nodes {
            guard let node = decodeNode(entry, count: nodes.count) else {
                return .failure(Failure(message: "malformed node \(table.nodes.count)"))
            }
            table.append(node)
        }
        for entry in kinds {
            guard let parts = entry.array, parts.count == 3, let apiVersion = parts[0].string,
                  let kind = parts[1].string, let root = parts[2].int, root >= 0, root < nodes.count
            else { return .failure(Failure(message: "malformed kind entry")) }
            table.register(KindKey(apiVersion: apiVersion, kind: kind), root: Int32(root))
        }
        return .success((version, table))
    }

    private static func index(_ value: JSONValue?, count: Int) -> Int32? {
        guard let value else { return nil }
        guard let index = value.int, index >= -1, index < count else { return nil }
        return Int32(index)
    }

    private static func decodeNode(_ value: JSONValue, count: Int) -> SchemaNode? {
        guard value.members != nil else { return nil }
        var node = SchemaNode()
        node.name = value["n"]?.string
        if let bits = value["t"]?.int { node.types = JSONTypes(rawValue: UInt8(truncatingIfNeeded: bits)) }
        node.format = SchemaFormat(word: value["f"]?.string)
        if let properties = value["p"]?.array {
            node.properties.reserveCapacity(properties.count)
            for pair in properties {
                guard let parts = pair.array, parts.count == 2, let name = parts[0].string,
                      let target = index(parts[1], count: count), target >= 0
                else { return nil }
                node.properties[name] = target
            }
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
