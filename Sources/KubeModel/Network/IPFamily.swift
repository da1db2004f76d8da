/// An IP family: kube-proxy runs one proxier per family, each programming only its family's addresses.
package enum IPFamily: String, Sendable, Hashable, CaseIterable {
    case v4 = "IPv4"
    case v6 = "IPv6"

    /// Whether an address is of this family.
    package func contains(_ address: IPAddress) -> Bool { address.isV4 == (self == .v4) }

    /// The family of an address.
    package init(of address: IPAddress) { self = address.isV4 ? .v4 : .v6 }

    /// The loopback network (`127.0.0.0/8`, `::1/128`).
    package var loopback: String { self == .v4 ? "127.0.0.0/8" : "::1/128" }

    /// `IP:port`, with brackets around an IPv6 address (Go's `net.JoinHostPort`).
    package static func hostPort(_ address: String, _ port: Int) -> String {
        address.utf8.contains(UInt8(ascii: ":")) ? "[\(address)]:\(port)" : "\(address):\(port)"
    }
}
