import Crypto

/// kube-proxy's nftables chain and set names for one service port: a readable base
/// `namespace/name/protocol/portName` behind 8 base32 characters of its sha256 (`hashAndTruncate`), under the
/// prefixes `service-`, `local-`, `external-`, `firewall-`; endpoints add `__IP/port` (IPv6 colons become dots)
/// and use `endpoint-` for the chain and `affinity-` for the ClientIP set.
///
/// Bases longer than 240 bytes (possible only for long names with an IPv6 endpoint) are cut to 237 and end in
/// `...`, as kube-proxy cuts them; the hash keeps them unique.
package struct NFTChainNames: Sendable {
    /// The hashed base shared by the four service-port chains.
    var base: String

    var cluster: String { "service-" + base }
    var local: String { "local-" + base }
    var external: String { "external-" + base }
    var firewall: String { "firewall-" + base }

    /// Names for `namespace/name` (`serviceKey`), lower-case protocol and port name (empty when unnamed).
    init(serviceKey: String, proto: String, portName: String) {
        base = Self.hashAndTruncate(serviceKey + "/" + proto + "/" + portName)
    }

    /// The hashed base of one endpoint of the port (`ip` in canonical text, without brackets).
    func endpointBase(serviceKey: String, proto: String, portName: String, ip: String, port: Int) -> String {
        let host = ip.contains(":") ? String(ip.map { $0 == ":" ? "." : $0 }) : ip
        return Self.hashAndTruncate(serviceKey + "/" + proto + "/" + portName + "__" + host + "/" + String(port))
    }

    /// kube-proxy `servicePortChainNameBase`: `HASH-namespace/name/protocol/portName`.
    package static func serviceBase(_ serviceKey: String, proto: String, portName: String) -> String {
        NFTChainNames(serviceKey: serviceKey, proto: proto, portName: portName).base
    }

    /// kube-proxy `servicePortEndpointChainNameBase`: `HASH-namespace/name/protocol/portName__IP/port`.
    package static func endpointBase(_ serviceKey: String, proto: String, portName: String, ip: String, port: Int)
        -> String
    {
        NFTChainNames(serviceKey: serviceKey, proto: proto, portName: portName)
            .endpointBase(serviceKey: serviceKey, proto: proto, portName: portName, ip: ip, port: port)
    }

    /// Longest base kube-proxy keeps (nftables' 256-byte names minus a 16-byte prefix allowance).
    static let baseLengthMax = 240

    /// First 8 base32 characters (RFC 4648, Go `base32.StdEncoding`) of sha256(name), a dash, then the name.
    static func hashAndTruncate(_ name: String) -> String {
        var input = name
        let digest = input.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
        // 8 characters = 40 bits = the first 5 digest bytes.
        var bits: UInt64 = 0
        digest.withUnsafeBytes { bytes in
            for index in 0..<5 { bits = bits << 8 | UInt64(bytes[index]) }
        }
        var result: [UInt8] = []
        result.reserveCapacity(9 + name.utf8.count)
        for index in 0..<8 {
            let value = UInt8(truncatingIfNeeded: bits >> UInt64(35 - index * 5)) & 0x1F
            result.append(value < 26 ? 65 + value : 24 + value)  // "A"…"Z", then "2"…"7"
        }
        result.append(45)  // "-"
        result.append(contentsOf: name.utf8)
        if result.count > baseLengthMax {
            result.removeLast(result.count - (baseLengthMax - 3))
            result.append(contentsOf: [46, 46, 46])
        }
        return String(decoding: result, as: UTF8.self)
    }
}
