import KubeYAML

/// Controller-style names. kube's pod-template-hash is FNV-32a over Go's `spew` dump of the internal API
/// struct, which cannot be reproduced outside Go; kubec hashes a canonical text of the template instead (keys
/// sorted, scalars with their YAML type) with the same FNV-32a and the same `SafeEncodeString` step, so the
/// hash is stable across runs and file orders and changes whenever the template does — but it is **not** the
/// value a real cluster would show. Pod name suffixes are derived deterministically from the owner's name and
/// the replica index (a real controller picks them at random).
package enum PodNames {
    /// `apimachinery/pkg/util/rand` alphabet: no vowels, no confusable digits.
    package static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

    /// FNV-1a, 32 bits.
    package static func fnv32a(_ bytes: some Sequence<UInt8>) -> UInt32 {
        var hash: UInt32 = 0x811C_9DC5
        for byte in bytes {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        return hash
    }

    /// FNV-1a, 64 bits.
    package static func fnv64a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// `rand.SafeEncodeString`: each byte mapped into the alphabet.
    package static func safeEncode(_ text: String) -> String {
        String(text.utf8.map { alphabet[Int($0) % alphabet.count] })
    }

    /// The synthetic pod-template-hash of a template (nil node: the empty template).
    package static func templateHash(_ template: YAMLNode?) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(1024)
        if let template { canonicalText(template, into: &text) }
        return safeEncode(String(fnv32a(text)))
    }

    /// A 5-character suffix for replica `index` of `owner`, as generateName would add.
    package static func suffix(_ owner: String, _ index: Int, attempt: Int = 0) -> String {
        // FNV-1a of the bytes of `owner/index/attempt`, fed piece by piece (no string built per replica).
        var value = fnv64a(owner.utf8, seed: 0xCBF2_9CE4_8422_2325)
        value = fnv64a(CollectionOfOne(UInt8(ascii: "/")), seed: value)
        value = fnv64a(String(index).utf8, seed: value)
        value = fnv64a(CollectionOfOne(UInt8(ascii: "/")), seed: value)
        value = fnv64a(String(attempt).utf8, seed: value)
        var result: [UInt8] = []
        result.reserveCapacity(5)
        for _ in 0..<5 {
            result.append(alphabetBytes[Int(value % UInt64(alphabetBytes.count))])
            value /= UInt64(alphabetBytes.count)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `alphabet` as ASCII bytes.
    static let alphabetBytes: [UInt8] = Array("bcdfghjklmnpqrstvwxz2456789".utf8)

    /// FNV-1a, 64 bits, continuing from `seed` (the offset basis starts a hash).
    static func fnv64a(_ bytes: some Sequence<UInt8>, seed: UInt64) -> UInt64 {
        var hash = seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Canonical text of a YAML subtree: mappings with sorted keys, scalars typed, sequences in order.
    ///
    /// Built as UTF-8 bytes (one per template, hashed at once): `{key\u{1}value,…}`, `[item,…]`, and scalars as
    /// `type\u{2}text\u{3}` with the type's case name (`null`, `bool`, `int`, `float`, `string`). Keys that are
    /// not scalars are left out. Read straight from the tree's arrays: no node views or key strings per pair.
    static func canonicalText(_ node: YAMLNode, into text: inout [UInt8]) {
        let tree = node.tree
        tree.records.withUnsafeBufferPointer { records in
            tree.children.withUnsafeBufferPointer { children in
                tree.arena.withUnsafeBufferPointer { arena in
                    let writer = CanonicalWriter(records: records, children: children, arena: arena)
                    writer.write(node.id, into: &text)
                }
            }
        }
    }
}
