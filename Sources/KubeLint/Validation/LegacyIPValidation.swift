/// IP and CIDR validation of the fields that predate strict parsing (`IsValidIPForLegacyField`,
/// `IsValidCIDRForLegacyField` in `k8s.io/apimachinery/pkg/util/validation`), with the `StrictIPCIDRValidation`
/// feature gate on from Kubernetes 1.36 (beta, default on) and off before.
///
/// Without it the API server accepts what Go 1.16's `net.ParseIP` did: IPv4 octets with leading zeros,
/// IPv4-mapped IPv6, CIDRs with host bits set; it then answers with a warning (`IPWarnings`). With it those are
/// errors.
enum LegacyIPValidation {
    /// The first minor version whose API server validates these fields strictly.
    static let strictFromMinor = 36

    /// The error details for an IP address field (empty: valid).
    static func ipErrors(_ text: String, minor: Int) -> [String] {
        guard let ip = LegacyIP(text) else { return ["must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"] }
        guard minor >= strictFromMinor else { return [] }
        if ip.hasLeadingZero { return ["must not have leading 0s"] }
        return ip.isV4Mapped ? ["must not be an IPv4-mapped IPv6 address"] : []
    }

    /// The error details for a CIDR field (empty: valid).
    static func cidrErrors(_ text: String, minor: Int) -> [String] {
        guard let cidr = LegacyCIDR(text) else {
            return ["must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"]
        }
        guard minor >= strictFromMinor else { return [] }
        if cidr.ip.hasLeadingZero || cidr.bitsHaveLeadingZero {
            return ["must not have leading 0s in IP or prefix length"]
        }
        if cidr.ip.isV4Mapped { return ["must not have an IPv4-mapped IPv6 address"] }
        return cidr.isAmbiguous ? ["must not have bits set beyond the prefix length"] : []
    }
}
