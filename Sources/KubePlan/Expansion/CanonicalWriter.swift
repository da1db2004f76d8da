import KubeYAML

/// `PodNames.canonicalText` over a tree's raw arrays: the bytes the template hash is computed from.
///
/// Mapping keys are ordered as `String`'s `<` orders them. For keys that are all ASCII that order is the
/// order of their bytes, so they are compared in place; otherwise (rare) the keys become `String`s and are
/// sorted exactly as before. Either way the same sort sees the same comparison results, so equal keys keep the
/// order they always had and the hash does not change.
struct CanonicalWriter {
    let records: UnsafeBufferPointer<NodeRecord>
    let children: UnsafeBufferPointer<Int32>
    let arena: UnsafeBufferPointer<UInt8>

    func write(_ id: Int32, into text: inout [UInt8]) {
        let record = records[Int(id)]
        switch record.kind {
        case .mapping:
            text.append(UInt8(ascii: "{"))
            for (key, value) in sortedPairs(record) {
                appendText(key, into: &text)
                text.append(1)
                write(value, into: &text)
                text.append(UInt8(ascii: ","))
            }
            text.append(UInt8(ascii: "}"))
        case .sequence:
            text.append(UInt8(ascii: "["))
            let first = Int(record.first)
            for index in first..<(first + Int(record.count)) {
                write(children[index], into: &text)
                text.append(UInt8(ascii: ","))
            }
            text.append(UInt8(ascii: "]"))
        case .scalar:
            text.append(contentsOf: Self.typeWord(record.type).utf8)
            text.append(2)
            appendText(id, into: &text)
            text.append(3)
        }
    }

    /// The (key id, value id) pairs with scalar keys, in key order.
    private func sortedPairs(_ record: NodeRecord) -> [(Int32, Int32)] {
        var pairs: [(Int32, Int32)] = []
        pairs.reserveCapacity(Int(record.count) / 2)
        var ascii = true
        var first = Int(record.first)
        let end = first + Int(record.count)
        while first + 1 < end {
            let key = children[first]
            if records[Int(key)].kind == .scalar {
                pairs.append((key, children[first + 1]))
                if ascii { ascii = bytes(key).allSatisfy { $0 < 0x80 } }
            }
            first += 2
        }
        if pairs.count < 2 { return pairs }
        if ascii {
            var ordered = true
            for index in 1..<pairs.count where !less(pairs[index - 1].0, pairs[index].0) {
                ordered = false
                break
            }
            // Strictly increasing already: every sort leaves it as it is.
            if ordered { return pairs }
            return pairs.sorted { less($0.0, $1.0) }
        }
        let keyed = pairs.map { (String(decoding: bytes($0.0), as: UTF8.self), $0) }
        return keyed.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// A scalar's bytes as its `String` spells them in UTF-8 (the same bytes unless they are not valid UTF-8).
    private func appendText(_ id: Int32, into text: inout [UInt8]) {
        let scalar = bytes(id)
        if scalar.allSatisfy({ $0 < 0x80 }) {
            text.append(contentsOf: scalar)
        } else {
            text.append(contentsOf: String(decoding: scalar, as: UTF8.self).utf8)
        }
    }

    @inline(__always)
    private func bytes(_ id: Int32) -> UnsafeBufferPointer<UInt8> {
        let record = records[Int(id)]
        return UnsafeBufferPointer(rebasing: arena[Int(record.first)..<Int(record.first + record.count)])
    }

    /// Byte order (shorter first on a common prefix): `String`'s order for ASCII text.
    private func less(_ lhs: Int32, _ rhs: Int32) -> Bool {
        let left = bytes(lhs)
        let right = bytes(rhs)
        let common = min(left.count, right.count)
        for index in 0..<common where left[index] != right[index] { return left[index] < right[index] }
        return left.count < right.count
    }

    /// The case name of a scalar type, as the hash has always spelled it.
    private static func typeWord(_ type: ScalarType) -> String {
        switch type {
        case .null: "null"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .string: "string"
        }
    }
}
