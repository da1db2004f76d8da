/// A network prefix such as `10.244.1.0/24` or `fd00::/64`.
package struct CIDR: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The first address of the network (host bits cleared).
    package var network: IPAddress
    package var prefixLength: Int

    /// Parses `ADDRESS/LENGTH`; host bits must be zero unless `strict` is false (then they are cleared).
    package init?(_ text: String, strict: Bool = false) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        // Digits only, as Go's ParseCIDR reads the length: Swift's Int() would also take "+8".
        guard parts.count == 2, let address = IPAddress(String(parts[0])), !parts[1].isEmpty, parts[1].count <= 3,
              parts[1].utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let length = Int(parts[1])
        else { return nil }
        let maximum = address.isV4 ? 32 : 128
        guard length >= 0, length <= maximum else { return nil }
        let masked = CIDR.mask(address, length)
        if strict, masked != address { return nil }
        network = masked
        prefixLength = length
    }

    package init(network: IPAddress, prefixLength: Int) {
        self.network = CIDR.mask(network, prefixLength)
        self.prefixLength = prefixLength
    }

    package var description: String { "\(network)/\(prefixLength)" }

    package var isV4: Bool { network.isV4 }

    /// How many addresses the prefix holds, capped at `UInt64.max` for huge IPv6 prefixes.
    package var size: UInt64 {
        let hostBits = (isV4 ? 32 : 128) - prefixLength
        return hostBits >= 64 ? UInt64.max : UInt64(1) << UInt64(hostBits)
    }

    /// How many prefixes of `length` this one holds, capped at `UInt64.max` (an IPv6 /56 holds 256 /64s, and a
    /// /48 2^80 /128s).
    package func subnetCount(length: Int) -> UInt64 {
        let bits = length - prefixLength
        guard bits >= 0 else { return 0 }
        return bits >= 64 ? UInt64.max : UInt64(1) << UInt64(bits)
    }

    /// The `index`-th prefix of `length` inside this one, counting from its network address; nil when `length` is
    /// shorter than this prefix or longer than the family allows, or `index` lies past the end. Works on all 128
    /// bits: `address(at:)` only moves through the low 64, so it cannot step from one IPv6 /64 to the next.
    package func subnet(_ index: UInt64, length: Int) -> CIDR? {
        let bits = isV4 ? 32 : 128
        guard length >= prefixLength, length <= bits, index < subnetCount(length: length) || length - prefixLength >= 64
        else { return nil }
        let shift = bits - length
        switch network {
        case .v4(let base):
            return CIDR(network: .v4(base | UInt32(truncatingIfNeeded: index << UInt64(shift))), prefixLength: length)
        case .v6(let high, let low):
            guard shift < 128 else { return self }
            let (addHigh, addLow): (UInt64, UInt64) =
                if shift >= 64 { (index << UInt64(shift - 64), 0) }
                else if shift == 0 { (0, index) }
                else { (index >> UInt64(64 - shift), index << UInt64(shift)) }
            return CIDR(network: .v6(high | addHigh, low | addLow), prefixLength: length)
        }
    }

    /// The address at `offset` from the network address.
    package func address(at offset: UInt64) -> IPAddress { network.advanced(by: offset) }

    /// How far `address` lies from the network address (nil outside the prefix or beyond 64 bits).
    package func offset(of address: IPAddress) -> UInt64? {
        guard contains(address) else { return nil }
        switch (network, address) {
        case (.v4(let base), .v4(let value)): return UInt64(value - base)
        case (.v6(let baseHigh, let baseLow), .v6(let high, let low)):
            return high == baseHigh ? low &- baseLow : nil
        default: return nil
        }
    }

    package func contains(_ address: IPAddress) -> Bool {
        address.isV4 == isV4 && CIDR.mask(address, prefixLength) == network
    }

    /// True when `other` lies inside this prefix and is smaller (a NetworkPolicy `except` must be).
    package func strictlyContains(_ other: CIDR) -> Bool {
        other.prefixLength > prefixLength && contains(other.network)
    }

    /// True when the two prefixes share any address.
    package func overlaps(_ other: CIDR) -> Bool {
        contains(other.network) || other.contains(network)
    }

    package static func < (lhs: CIDR, rhs: CIDR) -> Bool {
        lhs.network != rhs.network ? lhs.network < rhs.network : lhs.prefixLength < rhs.prefixLength
    }

    static func mask(_ address: IPAddress, _ length: Int) -> IPAddress {
        switch address {
        case .v4(let value):
            let mask: UInt32 = length == 0 ? 0 : ~UInt32(0) << UInt32(32 - length)
            return .v4(value & mask)
        case .v6(let high, let low):
            if length <= 64 {
                let mask: UInt64 = length == 0 ? 0 : ~UInt64(0) << UInt64(64 - length)
                return .v6(high & mask, 0)
            }
            let mask: UInt64 = length == 128 ? ~0 : ~UInt64(0) << UInt64(128 - length)
            return .v6(high, low & mask)
        }
    }
}
