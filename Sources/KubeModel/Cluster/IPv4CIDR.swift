/// An IPv4 CIDR, just enough to derive default addresses (`dnsServiceIP`) from the Cluster document.
///
/// The plan stage has its own address types; this one stays internal to the model.
struct IPv4CIDR: Hashable, Sendable {
    /// The network address as a 32-bit number (host bits cleared).
    var network: UInt32
    var prefixLength: Int

    /// Parses `a.b.c.d/n`; nil when malformed.
    init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let prefix = Int(parts[1]), (0...32).contains(prefix),
            let address = Self.parseAddress(parts[0])
        else { return nil }
        prefixLength = prefix
        let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << UInt32(32 - prefix)
        network = address & mask
    }

    /// The address `offset` after the network address, in dotted form; nil when outside the block.
    func address(at offset: UInt32) -> String? {
        let size: UInt64 = 1 << UInt64(32 - prefixLength)
        guard UInt64(offset) < size else { return nil }
        return Self.format(network &+ offset)
    }

    static func parseAddress(_ text: Substring) -> UInt32? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard !octet.isEmpty, octet.count <= 3, let number = UInt32(octet), number <= 255 else { return nil }
            value = value << 8 | number
        }
        return value
    }

    static func format(_ value: UInt32) -> String {
        "\(value >> 24).\((value >> 16) & 255).\((value >> 8) & 255).\(value & 255)"
    }
}
