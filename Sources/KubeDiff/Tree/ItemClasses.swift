import KubeYAML

/// Numbers the items of two lists so that equal items (as `NodeEquality` says) share a number.
///
/// List alignment then compares small integers instead of subtrees: each item is hashed once (linear in
/// its size), and items whose hashes meet are confirmed equal by one deep comparison with the first item
/// of that hash. The work is linear in the size of both lists, whatever their length or how alike their
/// items are (a list of a thousand identical items costs a thousand comparisons, not a million).
struct ItemClasses {
    /// The class of each old item.
    var old: [Int] = []
    /// The class of each new item.
    var new: [Int] = []
    /// How many classes there are; classes are numbered from 0 in order of first appearance (old, then new).
    var count = 0

    init(_ oldList: YAMLNode, _ newList: YAMLNode) {
        var representatives: [UInt64: [(node: YAMLNode, id: Int)]] = [:]
        func classify(_ item: YAMLNode) -> Int {
            let hash = StructuralHash.of(item)
            if let candidates = representatives[hash] {
                for candidate in candidates where NodeEquality.equal(candidate.node, item) { return candidate.id }
            }
            let id = count
            count += 1
            representatives[hash, default: []].append((item, id))
            return id
        }
        old = oldList.items.map(classify)
        new = newList.items.map(classify)
    }
}

/// A hash of a subtree that equal subtrees (as `NodeEquality` says) share: scalars by resolved value,
/// mappings whatever their key order and without null values, lists in order.
///
/// Deterministic (no per-process seed), so nothing that depends on it varies between runs.
enum StructuralHash {
    static func of(_ node: YAMLNode) -> UInt64 {
        switch node.kind {
        case .scalar:
            return scalar(node)
        case .sequence:
            var hash: UInt64 = 0x5EC0_5EC0
            for item in node.items { hash = mix(hash &* 31 &+ of(item)) }
            return mix(hash &+ UInt64(node.count))
        case .mapping:
            // A sum of per-pair hashes: independent of order. A duplicated key is counted once per
            // occurrence, so such a mapping may hash apart from an equal one; it then only misses the
            // shortcut and is compared field by field.
            var sum: UInt64 = 0x3A9_3A9
            for (key, value) in node.pairs where !value.isNull {
                sum = sum &+ mix(string(key.text ?? "") &* 0x9E37_79B9 &+ of(value))
            }
            return mix(sum)
        }
    }

    private static func scalar(_ node: YAMLNode) -> UInt64 {
        let type = node.scalarType ?? .string
        let text = node.text ?? ""
        switch type {
        case .null: return 0x4E55_4C4C
        case .string: return mix(string(text) &+ 1)
        case .bool: return ScalarResolver.boolValue(text).map { $0 ? 0xB001 : 0xB000 } ?? mix(string(text) &+ 2)
        case .int:
            if let value = ScalarResolver.intValue(text) { return mix(UInt64(bitPattern: value) &+ 3) }
            return mix(string(text) &+ 3)
        case .float:
            // Floats equal to an integer never meet an int (the types differ), so their own hash space is fine.
            guard let value = ScalarResolver.doubleValue(text) else { return mix(string(text) &+ 4) }
            if value.isNaN { return 0x4E61_4E }
            return mix((value == 0 ? 0 : value).bitPattern &+ 4)
        }
    }

    /// FNV-1a over the UTF-8 bytes.
    private static func string(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        return hash
    }

    /// A 64-bit finaliser (splitmix64), so sums and sequences of hashes spread well.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
