import KubeYAML

/// The values of a few keys of a mapping, found in one pass over its keys with the bytes compared in place.
///
/// `node[key]` searches the keys once per field and opens the tree's arrays each time; the readers that run on
/// every document (identity, classification, metadata and selector checks) ask for two or three fields of one
/// mapping at once. As with `node[key]`, only scalar keys count and the last of duplicate keys wins.
package enum MappingKeys {
    /// The values of `first`, `second` and (when given) `third` in `mapping`.
    ///
    /// Nil for a key that is absent, and for all of them when `mapping` is not a mapping. Keys must not be empty.
    package static func values(
        of mapping: YAMLNode, _ first: StaticString, _ second: StaticString, _ third: StaticString? = nil
    ) -> (YAMLNode?, YAMLNode?, YAMLNode?) {
        let tree = mapping.tree
        var found: (Int32, Int32, Int32) = (-1, -1, -1)
        tree.records.withUnsafeBufferPointer { records in
            let record = records[Int(mapping.id)]
            guard case .mapping = record.kind else { return }
            tree.children.withUnsafeBufferPointer { children in
                tree.arena.withUnsafeBufferPointer { arena in
                    for offset in stride(from: Int(record.first), to: Int(record.first + record.count), by: 2) {
                        let key = records[Int(children[offset])]
                        guard case .scalar = key.kind else { continue }
                        let bytes = UnsafeBufferPointer(rebasing: arena[Int(key.first)..<Int(key.first + key.count)])
                        if equal(bytes, first) {
                            found.0 = children[offset + 1]
                        } else if equal(bytes, second) {
                            found.1 = children[offset + 1]
                        } else if let third, equal(bytes, third) {
                            found.2 = children[offset + 1]
                        }
                    }
                }
            }
        }
        func node(_ id: Int32) -> YAMLNode? { id < 0 ? nil : tree.node(id) }
        return (node(found.0), node(found.1), node(found.2))
    }

    @inline(__always)
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ key: StaticString) -> Bool {
        let count = key.utf8CodeUnitCount
        guard bytes.count == count, count > 0 else { return false }
        let wanted = key.utf8Start
        for index in 0..<count where bytes[index] != wanted[index] { return false }
        return true
    }
}
