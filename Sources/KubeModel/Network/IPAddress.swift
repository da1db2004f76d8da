/// An IPv4 or IPv6 address, stored as integers so IPAM can count and emitters can sort numerically.
package enum IPAddress: Hashable, Comparable, Sendable, CustomStringConvertible {
    case v4(UInt32)
    /// High and low 64 bits, network order.
    case v6(UInt64, UInt64)

    /// Parses dotted-quad IPv4 or RFC 4291 IPv6 text (with `::`, and an embedded IPv4 tail).
    package init?(_ text: String) {
        // Bytes, not `contains(":")`: with Foundation in the module that would go through NSString.
        if text.utf8.contains(UInt8(ascii: ":")) {
            guard let value = IPAddress.parseV6(Substring(text)) else { return nil }
            self = .v6(value.0, value.1)
        } else {
            guard let value = IPAddress.parseV4(Substring(text)) else { return nil }
            self = .v4(value)
        }
    }

    package var isV4: Bool { if case .v4 = self { true } else { false } }

    /// Canonical text: dotted quad, or RFC 5952 IPv6 (lower case, longest zero run compressed).
    package var description: String {
        switch self {
        case .v4(let value):
            return "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
        case .v6(let high, let low):
            let groups = (0..<8).map { index -> UInt16 in
                let word = index < 4 ? high : low
                return UInt16(truncatingIfNeeded: word >> (UInt64(3 - index % 4) * 16))
            }
            var bestStart = -1
            var bestLength = 0
            var index = 0
            while index < 8 {
                if groups[index] == 0 {
                    var end = index
                    while end < 8, groups[end] == 0 { end += 1 }
                    if end - index > bestLength, end - index >= 2 {
                        bestStart = index
                        bestLength = end - index
                    }
                    index = end
                } else {
                    index += 1
                }
            }
            func hex(_ range: Range<Int>) -> String { groups[range].map { String($0, radix: 16) }.joined(separator: ":") }
            if bestStart < 0 { return hex(0..<8) }
            return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
        }
    }

    /// The address `offset` places further on (wrapping is the caller's concern: stay inside a CIDR).
    package func advanced(by offset: UInt64) -> IPAddress {
        switch self {
        case .v4(let value): return .v4(value &+ UInt32(truncatingIfNeeded: offset))
        case .v6(let high, let low):
            let (sum, carry) = low.addingReportingOverflow(offset)
            return .v6(carry ? high &+ 1 : high, sum)
        }
    }

    package static func < (lhs: IPAddress, rhs: IPAddress) -> Bool {
        switch (lhs, rhs) {
        case (.v4(let a), .v4(let b)): a < b
        case (.v4, .v6): true
        case (.v6, .v4): false
        case (.v6(let ah, let al), .v6(let bh, let bl)): ah != bh ? ah < bh : al < bl
        }
    }

    static func parseV4(_ text: Substring) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit), let octet = UInt32(part), octet <= 255,
                  part.count == 1 || part.first != "0"
            else { return nil }
            value = value << 8 | octet
        }
        return value
    }

    static func parseV6(_ text: Substring) -> (UInt64, UInt64)? {
        var groups: [UInt16] = []
        var tailGroups: [UInt16] = []
        let halves = text.components(separatedByDoubleColon: ())
        guard halves.count <= 2 else { return nil }
        func parseHalf(_ half: Substring, allowV4Tail: Bool) -> [UInt16]? {
            if half.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = half.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if allowV4Tail, index == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseV4(piece) else { return nil }
                    result.append(UInt16(v4 >> 16))
                    result.append(UInt16(v4 & 0xFFFF))
                    continue
                }
                guard !piece.isEmpty, piece.count <= 4, let group = UInt16(piece, radix: 16) else { return nil }
                result.append(group)
            }
            return result
        }
        if halves.count == 2 {
            guard let head = parseHalf(halves[0], allowV4Tail: false), let tail = parseHalf(halves[1], allowV4Tail: true),
                  head.count + tail.count <= 7
            else { return nil }
            groups = head
            tailGroups = tail
            groups += Array(repeating: 0, count: 8 - head.count - tail.count) + tailGroups
        } else {
            guard let all = parseHalf(halves[0], allowV4Tail: true), all.count == 8 else { return nil }
            groups = all
        }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<4 { high = high << 16 | UInt64(groups[index]) }
        for index in 4..<8 { low = low << 16 | UInt64(groups[index]) }
        return (high, low)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Substring {
    /// Splits at every `::`; more than two parts means the text is invalid IPv6.
    fileprivate func components(separatedByDoubleColon _: ()) -> [Substring] {
        var parts: [Substring] = []
        var partStart = startIndex
        var index = startIndex
        while index < endIndex {
            let next = self.index(after: index)
            if self[index] == ":", next < endIndex, self[next] == ":" {
                parts.append(self[partStart..<index])
                index = self.index(after: next)
                partStart = index
            } else {
                index = next
            }
        }
        parts.append(self[partStart..<endIndex])
        return parts
    }
}
