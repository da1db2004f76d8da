import Foundation
import KubeModel

/// IPv4 and IPv6 addresses and CIDRs as 128-bit values (IPv4 mapped into `::ffff:0:0/96`), enough to check
/// NetworkPolicy `ipBlock`s and Service IPs.
struct IPNetwork: Hashable {
    var high: UInt64
    var low: UInt64
    /// Prefix length in the 128-bit space.
    var prefix: Int
    var isIPv4: Bool

    init(high: UInt64, low: UInt64, prefix: Int, isIPv4: Bool) {
        self.high = high
        self.low = low
        self.prefix = prefix
        self.isIPv4 = isIPv4
    }

    /// Parses `a.b.c.d/n` or an IPv6 CIDR; nil when malformed (Go's `net.ParseCIDR` rules, no zones).
    init?(cidr text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let length = Int(parts[1]), !parts[1].hasPrefix("+"), !parts[1].hasPrefix("-"),
              let address = IPNetwork.address(String(parts[0])) else { return nil }
        let max = address.isIPv4 ? 32 : 128
        guard (0...max).contains(length) else { return nil }
        self = address
        prefix = length + (address.isIPv4 ? 96 : 0)
        (high, low) = IPNetwork.mask(high, low, prefix)
    }

    /// A single address as a /32 or /128.
    static func address(_ text: String) -> IPNetwork? {
        if text.contains(":") { return parseIPv6(text) }
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt64 = 0
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, octet.allSatisfy(\.isASCII), let number = UInt64(octet), number <= 255
            else { return nil }
            if octet.count > 1, octet.hasPrefix("0") { return nil }
            value = value << 8 | number
        }
        return IPNetwork(high: 0, low: 0xFFFF_0000_0000 | value, prefix: 128, isIPv4: true)
    }

    private static func parseIPv6(_ text: String) -> IPNetwork? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            for group in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard !group.isEmpty, group.count <= 4, let value = UInt16(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        let tail = halves.count == 2 ? groups(halves[1]) : []
        guard let tail else { return nil }
        let missing = 8 - head.count - tail.count
        if halves.count == 2 ? missing < 1 : missing != 0 { return nil }
        let all = head + Array(repeating: 0, count: max(missing, 0)) + tail
        var high: UInt64 = 0
        var low: UInt64 = 0
        for index in 0..<4 { high = high << 16 | UInt64(all[index]) }
        for index in 4..<8 { low = low << 16 | UInt64(all[index]) }
        return IPNetwork(high: high, low: low, prefix: 128, isIPv4: false)
    }

    private static func mask(_ high: UInt64, _ low: UInt64, _ prefix: Int) -> (UInt64, UInt64) {
        let highMask: UInt64 = prefix >= 64 ? ~0 : (prefix == 0 ? 0 : ~0 << UInt64(64 - prefix))
        let lowMask: UInt64 = prefix <= 64 ? 0 : (prefix >= 128 ? ~0 : ~0 << UInt64(128 - prefix))
        return (high & highMask, low & lowMask)
    }

    /// Whether `other` lies inside this network (and is not the same network).
    func strictlyContains(_ other: IPNetwork) -> Bool {
        guard other.prefix > prefix else { return false }
        let masked = IPNetwork.mask(other.high, other.low, prefix)
        return masked.0 == high && masked.1 == low
    }
}
