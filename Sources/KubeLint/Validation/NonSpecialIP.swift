import KubeModel

/// `ValidateNonSpecialIP` of the API server's core validation: addresses a Service's `externalIPs` (and
/// Endpoints) may not use, because they are nonsensical (unspecified, loopback) or belong to the node
/// (link-local unicast, link-local multicast, e.g. the metadata service).
///
/// Go's `net.IP` predicates decide the ranges, so an IPv4-mapped IPv6 address counts as the IPv4 address it
/// carries, and `ffX2::/16` (any flags) is link-local multicast although the message says `ff02::/10`.
enum NonSpecialIP {
    /// The error details for an address that parsed as a legacy IP (empty: allowed).
    static func errors(_ text: String) -> [String] {
        guard let ip = LegacyIP(text) else { return [] }
        var errors: [String] = []
        switch ip.address {
        case .v6(let high, let low) where high == 0 && low >> 32 == 0xFFFF:
            errors = v4Errors(UInt32(truncatingIfNeeded: low), text)
        case .v4(let value):
            errors = v4Errors(value, text)
        case .v6(let high, let low):
            if high == 0, low == 0 { errors.append("may not be unspecified (\(text))") }
            if high == 0, low == 1 { errors.append(loopback) }
            if high >> 54 == 0x3FA { errors.append(linkLocal) }
            if high >> 56 == 0xFF, (high >> 48) & 0x0F == 0x02 { errors.append(multicast) }
        }
        return errors
    }

    private static let loopback = "may not be in the loopback range (127.0.0.0/8, ::1/128)"
    private static let linkLocal = "may not be in the link-local range (169.254.0.0/16, fe80::/10)"
    private static let multicast = "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"

    private static func v4Errors(_ value: UInt32, _ text: String) -> [String] {
        if value == 0 { return ["may not be unspecified (\(text))"] }
        if value >> 24 == 127 { return [loopback] }
        if value >> 16 == 0xA9FE { return [linkLocal] }
        if value >> 8 == 0xE00000 { return [multicast] }
        return []
    }
}
