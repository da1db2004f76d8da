import KubeYAML

/// Deep equality of two subtrees as the API server would see them: scalars by resolved value, mappings by
/// key whatever the order (a null value counts as absent, the last of duplicated keys wins), lists by
/// position.
///
/// Linear in the size of the smaller subtree: each pair of nodes is compared once. (An earlier version
/// checked a mapping both ways, each way deeply, which doubled the work per level of nesting: a CRD schema
/// 25 levels deep took minutes.) Keys are looked up by a scan for small mappings and through a table for
/// large ones (`properties` of a big schema).
enum NodeEquality {
    /// Mappings with more pairs than this are indexed before lookup.
    static let indexedMapping = 16

    static func equal(_ lhs: YAMLNode, _ rhs: YAMLNode) -> Bool {
        switch (lhs.kind, rhs.kind) {
        case (.scalar, .scalar):
            if case .equal = ScalarComparison.compare(lhs, rhs) { return true }
            return false
        case (.sequence, .sequence):
            guard lhs.count == rhs.count else { return false }
            let left = lhs.items
            let right = rhs.items
            for index in 0..<left.count where !equal(left[index], right[index]) { return false }
            return true
        case (.mapping, .mapping):
            return equalMappings(lhs, rhs)
        default:
            return false
        }
    }

    /// Same set of non-null keys, and equal values under each.
    private static func equalMappings(_ lhs: YAMLNode, _ rhs: YAMLNode) -> Bool {
        let left = lhs.pairs
        let right = rhs.pairs
        let table = right.count > indexedMapping ? lastIndex(right) : nil
        let ownTable = left.count > indexedMapping ? lastIndex(left) : nil
        var checked = 0
        for index in 0..<left.count {
            let (key, value) = left[index]
            guard let name = key.text else { return false }
            // A duplicated key: only its last occurrence counts.
            guard isLast(name, at: index, in: lhs, table: ownTable) else { continue }
            let other: YAMLNode?
            if let table {
                other = table[name].map { right[$0].value }
            } else {
                other = rhs[name]
            }
            if value.isNull {
                if let other, !other.isNull { return false }
                continue
            }
            guard let other, equal(value, other) else { return false }
            checked += 1
        }
        // Every non-null key of lhs is in rhs with an equal value; rhs may not have more non-null keys.
        return checked == nonNullKeys(rhs, table: table)
    }

    /// Whether the pair at `index` is the last one with its key.
    private static func isLast(_ name: String, at index: Int, in node: YAMLNode, table: [String: Int]?) -> Bool {
        if let table { return table[name] == index }
        return node.indexOfKey(name) == Int(node.record.first) + 2 * index
    }

    /// Number of distinct keys with a non-null (last) value.
    private static func nonNullKeys(_ node: YAMLNode, table: [String: Int]?) -> Int {
        let pairs = node.pairs
        var count = 0
        for index in 0..<pairs.count {
            let (key, value) = pairs[index]
            guard !value.isNull, let name = key.text else { continue }
            if isLast(name, at: index, in: node, table: table) { count += 1 }
        }
        return count
    }

    /// Each key's last pair index.
    private static func lastIndex(_ pairs: YAMLPairs) -> [String: Int] {
        var table: [String: Int] = [:]
        table.reserveCapacity(pairs.count)
        for index in 0..<pairs.count { table[pairs[index].key.text ?? ""] = index }
        return table
    }
}
