/// `SchemaNode.fields` keyed by the property name's UTF-8 bytes, so the validator can look a mapping key up
/// straight from the YAML arena without making a `String` per key.
///
/// An open-addressing hash table (a multiplicative hash of the bytes, linear probing) with the names stored back
/// to back.
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
                        if Int(entry.length) == key.count,
                            Self.equal(UnsafeBufferPointer(rebasing: names[Int(entry.offset)...]), key)
                        {
                            return entry.field
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// A hash of the bytes read eight at a time (keys are names of a few to a few dozen bytes: one multiply per
    /// word rather than one per byte).
    @inline(__always)
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let count = bytes.count
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var tail: UInt64 = 0
        if count > 0, let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            var index = 0
            while index + 8 <= count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                index += 8
            }
            var shift: UInt64 = 0
            while index < count {
                tail |= UInt64(base[index]) << shift
                shift += 8
                index += 1
            }
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// Whether the first `key.count` bytes of `name` are the key's, compared eight at a time.
    @inline(__always)
    private static func equal(_ name: UnsafeBufferPointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = key.count
        guard count > 0 else { return true }
        guard let left = name.baseAddress, let right = key.baseAddress else { return false }
        var index = 0
        while index + 8 <= count {
            if UnsafeRawPointer(left).loadUnaligned(fromByteOffset: index, as: UInt64.self)
                != UnsafeRawPointer(right).loadUnaligned(fromByteOffset: index, as: UInt64.self)
            {
                return false
            }
            index += 8
        }
        while index < count {
            if left[index] != right[index] { return false }
            index += 1
        }
        return true
    }
}
