/// `SchemaNode.fields` keyed by the property name's UTF-8 bytes, so the validator can look a mapping key up
/// straight from the YAML arena without making a `String` per key.
///
/// An open-addressing hash table (FNV-1a over the bytes, linear probing) with the names stored back to back.
/// Keys compare byte for byte, as the API server's JSON decoding does.
package struct FieldKeyTable: Sendable {
    private struct Entry: Sendable {
        var offset: Int32
        var length: Int32
        var field: SchemaField
    }

    /// Entry index per slot, -1 when empty; the count is a power of two, at least twice the entries.
    private var slots: [Int32] = []
    private var names: [UInt8] = []
    private var entries: [Entry] = []

    package init() {}

    package init(_ fields: [String: SchemaField]) {
        guard !fields.isEmpty else { return }
        var capacity = 4
        while capacity < fields.count * 2 { capacity <<= 1 }
        slots = Array(repeating: -1, count: capacity)
        for (name, field) in fields {
            let offset = names.count
            names.append(contentsOf: name.utf8)
            let length = names.count - offset
            let hash = names.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[offset...])) }
            var slot = Int(hash) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(entries.count)
            entries.append(Entry(offset: Int32(offset), length: Int32(length), field: field))
        }
    }

    /// The field whose name has exactly these bytes.
    @inline(__always)
    package func field(for key: UnsafeBufferPointer<UInt8>) -> SchemaField? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(Self.hash(key)) & mask
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                names.withUnsafeBufferPointer { names in
                    while true {
                        let index = slots[slot]
                        if index < 0 { return nil }
                        let entry = entries[Int(index)]
                        if Int(entry.length) == key.count {
                            let base = Int(entry.offset)
                            var equal = true
                            for offset in 0..<key.count where names[base + offset] != key[offset] {
                                equal = false
                                break
                            }
                            if equal { return entry.field }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }
}
