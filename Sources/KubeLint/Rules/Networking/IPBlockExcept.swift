import KubeModel

/// Whether an `ipBlock.except` entry is a strict subset of the block's `cidr`, decided as the API server's
/// `ValidateIPBlock` does with Go's `net.IPNet` (both parsed by `ParseCIDRSloppy`):
/// `cidr.Contains(except.IP) && cidrMaskLen < exceptMaskLen`.
///
/// Go compares an IPv4-mapped IPv6 network (`::ffff:10.1.0.0/112`) as the IPv4 network it carries when it
/// tests containment, but the prefix lengths as written: `10.0.0.0/8` contains `::ffff:10.1.0.0/112` (8 < 112),
/// while `::ffff:10.0.0.0/104` does not strictly contain `10.1.0.0/16` (104 ≥ 16).
enum IPBlockExcept {
    static func isStrictSubset(_ cidr: LegacyCIDR, _ except: LegacyCIDR) -> Bool {
        cidr.bits < except.bits && contains(cidr, CIDR(network: except.ip.address, prefixLength: except.bits).network)
    }

    /// `net.IPNet.Contains` of the masked network of `cidr`.
    private static func contains(_ cidr: LegacyCIDR, _ address: IPAddress) -> Bool {
        let network = CIDR(network: cidr.ip.address, prefixLength: cidr.bits).network
        guard let v4 = ipv4(network) else {
            // An IPv6 network holds only IPv6 addresses that are not IPv4-mapped (`To4` is nil).
            return ipv4(address) == nil && CIDR(network: network, prefixLength: cidr.bits).contains(address)
        }
        guard let inner = ipv4(address) else { return false }
        // A 16-byte mask on an IPv4 network keeps its last 4 bytes.
        let bits = cidr.ip.writtenAsV6 ? max(cidr.bits - 96, 0) : cidr.bits
        return CIDR(network: .v4(v4), prefixLength: bits).contains(.v4(inner))
    }

    /// `net.IP.To4`: the IPv4 address of an IPv4 or IPv4-mapped address.
    private static func ipv4(_ address: IPAddress) -> UInt32? {
        switch address {
        case .v4(let value): return value
        case .v6(let high, let low): return high == 0 && low >> 32 == 0xFFFF ? UInt32(truncatingIfNeeded: low) : nil
        }
    }
}
