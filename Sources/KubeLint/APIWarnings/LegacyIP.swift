import KubeModel

/// An IP address or CIDR as the API server's legacy validation reads it (`netutils.ParseIPSloppy`, Go 1.16's
/// `net.ParseIP`): IPv4 octets may have leading zeros, which Go's `netip` and the strict validation of
/// Kubernetes 1.36+ refuse, and IPv6 may embed such an IPv4 tail.
///
/// Knows the two printings the warnings quote: `net.IP.String()` (an IPv4-mapped IPv6 address prints as plain
/// IPv4) and `netip.Addr.String()` (it prints as `::ffff:1.2.3.4`).
struct LegacyIP {
    var address: IPAddress
    /// Written with a `:` (IPv6 text, an IPv4-mapped address included).
    var writtenAsV6: Bool
    /// An IPv4 octet has a leading zero: `netip.ParseAddr` refuses the text.
    var hasLeadingZero: Bool

    /// Parses what `ParseIPSloppy` accepts; nil for anything else (validation's concern, not a warning's).
    init?(_ text: String) {
        if text.contains(":") {
            guard let (value, zero) = Self.parseV6(Substring(text)) else { return nil }
            address = .v6(value.0, value.1)
            writtenAsV6 = true
            hasLeadingZero = zero
        } else {
            guard let (value, zero) = Self.parseV4(Substring(text)) else { return nil }
            address = .v4(value)
            writtenAsV6 = false
            hasLeadingZero = zero
        }
    }

    /// `netip.Addr.Is4In6`: IPv6 text for `::ffff:a.b.c.d`.
    var isV4Mapped: Bool {
        guard writtenAsV6, case .v6(let high, let low) = address else { return false }
        return high == 0 && low >> 32 == 0xFFFF
    }

    /// The IPv4 address an IPv4-mapped one carries.
    private var mappedV4: IPAddress? {
        guard case .v6(let high, let low) = address, high == 0, low >> 32 == 0xFFFF else { return nil }
        return .v4(UInt32(truncatingIfNeeded: low))
    }

    /// `net.IP.String()` of the sloppy parse: dotted IPv4 for IPv4 and IPv4-mapped addresses.
    var netString: String { (mappedV4 ?? address).description }

    /// `netip.Addr.String()`: RFC 5952, with an IPv4-mapped address as `::ffff:` and dotted IPv4.
    var netipString: String {
        if writtenAsV6, let v4 = mappedV4 { return "::ffff:" + v4.description }
        return address.description
    }

    /// Dotted IPv4 with optional leading zeros; whether any octet had one.
    static func parseV4(_ text: Substring) -> (UInt32, Bool)? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        var zero = false
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            let significant = part.drop { $0 == "0" }
            guard significant.count <= 3, let octet = UInt32(significant.isEmpty ? "0" : significant), octet <= 255
            else { return nil }
            if part.count > 1, part.first == "0" { zero = true }
            value = value << 8 | octet
        }
        return (value, zero)
    }

    /// RFC 4291 text with `::` and an IPv4 tail (which may have leading zeros).
    static func parseV6(_ text: Substring) -> ((UInt64, UInt64), Bool)? {
        var zero = false
        func groups(_ half: Substring, tailAllowed: Bool) -> [UInt16]? {
            if half.isEmpty { return [] }
            let pieces = half.split(separator: ":", omittingEmptySubsequences: false)
            var result: [UInt16] = []
            for (index, piece) in pieces.enumerated() {
                if tailAllowed, index == pieces.count - 1, piece.contains(".") {
                    guard let (v4, leading) = parseV4(piece) else { return nil }
                    zero = zero || leading
                    result += [UInt16(v4 >> 16), UInt16(v4 & 0xFFFF)]
                    continue
                }
                guard (1...4).contains(piece.count), let group = UInt16(piece, radix: 16) else { return nil }
                result.append(group)
            }
            return result
        }
        let characters = Array(text)
        var split: Int?
        for index in 0..<max(characters.count - 1, 0) where characters[index] == ":" && characters[index + 1] == ":" {
            guard split == nil else { return nil }
            split = index
        }
        var all: [UInt16]
        if let split {
            let head = text.prefix(split)
            let tail = text.dropFirst(split + 2)
            guard let first = groups(head, tailAllowed: false), let last = groups(tail, tailAllowed: true),
                first.count + last.count <= 7
            else { return nil }
            all = first + Array(repeating: 0, count: 8 - first.count - last.count) + last
        } else {
            guard let every = groups(text, tailAllowed: true), every.count == 8 else { return nil }
            all = every
        }
        let high = all[0..<4].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        let low = all[4..<8].reduce(UInt64(0)) { $0 << 16 | UInt64($1) }
        return ((high, low), zero)
    }
}

/// A CIDR as `netutils.ParseCIDRSloppy` reads it: the address may have leading zeros, the prefix length too.
struct LegacyCIDR {
    var ip: LegacyIP
    var bits: Int
    /// The prefix length was written with a leading zero (`/024`).
    var bitsHaveLeadingZero: Bool

    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let ip = LegacyIP(String(parts[0])), !parts[1].isEmpty,
            parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        let significant = parts[1].drop { $0 == "0" }
        guard significant.count <= 3, let bits = Int(significant.isEmpty ? "0" : significant),
            bits <= (ip.writtenAsV6 ? 128 : 32)
        else { return nil }
        self.ip = ip
        self.bits = bits
        bitsHaveLeadingZero = parts[1].count > 1 && parts[1].first == "0"
    }

    /// The address with the host bits cleared.
    var network: IPAddress { CIDR(network: ip.address, prefixLength: bits).network }

    /// Host bits are set: `192.168.1.5/24` may mean the subnet or the one address.
    var isAmbiguous: Bool { network != ip.address }

    /// `net.IPNet.String()`: the network, an IPv4-mapped one printed as IPv4 with its IPv4 prefix length.
    var netString: String {
        if ip.writtenAsV6, case .v6(let high, let low) = network, high == 0, low >> 32 == 0xFFFF {
            return IPAddress.v4(UInt32(truncatingIfNeeded: low)).description + "/\(max(bits - 96, 0))"
        }
        return "\(network)/\(bits)"
    }

    /// The one-address CIDR the value may have meant (`ip.String()` and the mask's full length).
    var singleAddressString: String { "\(ip.netString)/\(ip.writtenAsV6 ? 128 : 32)" }

    /// `netip.Prefix.String()`: the address as written (host bits kept), RFC 5952.
    var netipString: String { "\(ip.netipString)/\(bits)" }
}
