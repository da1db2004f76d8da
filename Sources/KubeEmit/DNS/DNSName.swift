import KubeModel
import KubePlan

/// Domain-name checks and spellings for zone files.
///
/// Kubernetes names are lower-case RFC 1123 labels, so anything else that reaches the emitter (hand-written
/// endpoints, an odd cluster domain, a long ExternalName) is refused here rather than escaped: a zone file
/// has no quoting for owner names, and a name the server would mangle is worse than no name.
enum DNSName {
    /// RFC 1035: at most 63 octets per label.
    static let maximumLabelLength = 63
    /// RFC 1035's name limit as dotted text.
    ///
    /// 255 octets on the wire are 253 characters of dotted text without the root dot.
    static let maximumNameLength = 253

    /// True for an RFC 1123 label: `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, at most 63 characters.
    static func isLabel(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last, bytes.count <= maximumLabelLength else { return false }
        guard isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// True for dot-separated RFC 1123 labels of at most 253 characters; one trailing dot is allowed.
    static func isSubdomain(_ text: String) -> Bool {
        var name = Substring(text)
        if name.hasSuffix(".") { name = name.dropLast() }
        guard !name.isEmpty, name.utf8.count <= maximumNameLength else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isLabel(String($0)) }
    }

    /// The absolute spelling of `text` (one trailing dot), assuming `isSubdomain(text)`.
    static func absolute(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }

    /// True when the absolute name `name` (with its trailing dot) fits in 255 wire octets.
    static func fits(_ name: String) -> Bool {
        name.utf8.count - 1 <= maximumNameLength
    }

    /// The reverse-lookup owner of an address: `d.c.b.a.in-addr.arpa.`, or 32 nibbles under `ip6.arpa.`.
    static func reverse(_ address: IPAddress) -> String {
        switch address {
        case .v4(let value):
            return "\(value & 0xFF).\(value >> 8 & 0xFF).\(value >> 16 & 0xFF).\(value >> 24).in-addr.arpa."
        case .v6(let high, let low):
            var text = ""
            text.reserveCapacity(73)
            for word in [low, high] {
                for shift in stride(from: 0, to: 64, by: 4) {
                    text.append(hexDigits[Int(word >> UInt64(shift) & 0xF)])
                    text.append(".")
                }
            }
            return text + "ip6.arpa."
        }
    }

    /// CoreDNS's name for an endpoint without a hostname.
    ///
    /// The IP with `.`/`:` turned into `-`, and a `0`
    /// appended when an IPv6 spelling would end in `-`. A spelling that would start with `-` (`::1`) gets a
    /// leading `0`, which CoreDNS does not add, because such a label is not a valid host name.
    static func dashed(_ address: IPAddress) -> String {
        var text = String(address.description.map { $0 == "." || $0 == ":" ? "-" : $0 })
        if text.hasSuffix("-") { text += "0" }
        if text.hasPrefix("-") { text = "0" + text }
        return text
    }

    private static let hexDigits: [Character] = Array("0123456789abcdef")

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
