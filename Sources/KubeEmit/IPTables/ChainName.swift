import Crypto

/// The kind of a per-service kube-proxy chain, ranked in the alphabetical order of its prefix.
///
/// The fixed chains `KUBE-MARK-MASQ` and `KUBE-POSTROUTING` sit between `KUBE-FW-` and `KUBE-SEP-` in that
/// order, which is where the canonical sort (kube-proxy's `sortIPTablesRules`) puts them.
package enum ChainKind: UInt8, Sendable, Comparable {
    case ext = 0
    case fw = 1
    case markMasq = 2
    case postrouting = 3
    case sep = 4
    case svc = 5
    case svl = 6

    /// `KUBE-EXT-` and friends; the two fixed chains are written whole.
    var prefix: StaticString {
        switch self {
        case .ext: "KUBE-EXT-"
        case .fw: "KUBE-FW-"
        case .markMasq: "KUBE-MARK-MASQ"
        case .postrouting: "KUBE-POSTROUTING"
        case .sep: "KUBE-SEP-"
        case .svc: "KUBE-SVC-"
        case .svl: "KUBE-SVL-"
        }
    }

    /// Alphabetical order of the prefixes.
    package static func < (lhs: ChainKind, rhs: ChainKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A nat chain name as kube-proxy builds it: prefix plus 16 base32 characters of a sha256 hash.
///
/// The 16 characters are kept as two big-endian integers so that sorting chain names (tens of thousands per
/// node) compares integers, and the order equals the byte order of the full names.
package struct ChainName: Sendable, Hashable, Comparable {
    /// Which prefix the name has.
    package var kind: ChainKind
    var high: UInt64
    var low: UInt64

    init(kind: ChainKind, high: UInt64, low: UInt64) {
        self.kind = kind
        self.high = high
        self.low = low
    }

    /// The same hash under another prefix (SVC, SVL, EXT and FW share one suffix).
    func with(_ kind: ChainKind) -> ChainName { ChainName(kind: kind, high: high, low: low) }

    /// `KUBE-SVC-…` for `servicePortName + protocol` (kube-proxy `portProtoHash`).
    package static func service(_ kind: ChainKind, servicePortName: String, proto: String) -> ChainName {
        hashed(kind, servicePortName + proto)
    }

    /// `KUBE-SEP-…` for `servicePortName + protocol + endpoint` (kube-proxy `servicePortEndpointChainName`).
    package static func endpoint(servicePortName: String, proto: String, endpoint: String) -> ChainName {
        hashed(.sep, servicePortName + proto + endpoint)
    }

    /// A fixed chain (`KUBE-MARK-MASQ`, `KUBE-POSTROUTING`) placed in the sorted order.
    static func fixed(_ kind: ChainKind) -> ChainName { ChainName(kind: kind, high: 0, low: 0) }

    /// base32 (RFC 4648 alphabet, as Go's `base32.StdEncoding`) of sha256(input), first 16 characters:
    /// exactly the first 10 digest bytes.
    static func hashed(_ kind: ChainKind, _ input: String) -> ChainName {
        var input = input
        let digest = input.withUTF8 { SHA256.hash(data: UnsafeRawBufferPointer($0)) }
        // 10 bytes = 80 bits = 16 base32 characters; each half of 5 bytes gives 8 characters.
        func characters(_ start: Int) -> UInt64 {
            digest.withUnsafeBytes { bytes in
                var bits: UInt64 = 0
                for index in start..<(start + 5) { bits = bits << 8 | UInt64(bytes[index]) }
                var packed: UInt64 = 0
                for index in 0..<8 {
                    let value = UInt8(truncatingIfNeeded: bits >> UInt64(35 - index * 5)) & 0x1F
                    let character = value < 26 ? 65 + value : 24 + value  // "A"…"Z", then "2"…"7"
                    packed = packed << 8 | UInt64(character)
                }
                return packed
            }
        }
        let high = characters(0)
        let low = characters(5)
        return ChainName(kind: kind, high: high, low: low)
    }

    /// Writes the full chain name.
    @inline(__always)
    func write(to buffer: inout ByteBuffer) {
        buffer.append(kind.prefix)
        if kind == .markMasq || kind == .postrouting { return }
        withUnsafeBytes(of: (high.bigEndian, low.bigEndian)) { buffer.bytes.append(contentsOf: $0) }
    }

    /// The full chain name as text.
    package var text: String {
        var buffer = ByteBuffer(capacity: 25)
        write(to: &buffer)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    /// The byte order of the full names.
    package static func < (lhs: ChainName, rhs: ChainName) -> Bool {
        if lhs.kind != rhs.kind { return lhs.kind < rhs.kind }
        if lhs.high != rhs.high { return lhs.high < rhs.high }
        return lhs.low < rhs.low
    }
}
