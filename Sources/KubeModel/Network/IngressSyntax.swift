/// The API server's syntax rules for Ingress hosts and paths (`ValidateIngressSpec`: `validateIngressRules`,
/// `validateIngressTLS`, `validateHTTPIngressPath`), in one place for the two stages that apply them: the linter
/// reports them in the API server's words, and the nginx emitter refuses what breaks them before anything
/// reaches nginx.conf. Each stage words and orders its findings; the rules themselves live only here.
package enum IngressSyntax {
    /// What the host rules find in a `spec.rules[].host` or `spec.tls[].hosts[]` value.
    package struct HostFacts: Equatable, Sendable {
        /// The host parses as an IPv4 or IPv6 address (the API server refuses it: hosts are names).
        package var isIPAddress: Bool
        /// The host starts with `*.` (a wildcard host).
        package var isWildcard: Bool
        /// `IsDNS1123Subdomain` (or `IsWildcardDNS1123Subdomain` for a wildcard host) holds: lower-case
        /// alphanumeric labels with inner `-`, joined by `.`, at most 253 bytes in all (the `*.` included).
        package var isSubdomain: Bool
        /// The first label over 63 bytes: the API server accepts it, but DNS cannot carry it.
        package var longLabel: Substring?
    }

    /// The host rules applied to `host`.
    package static func host(_ host: String) -> HostFacts {
        let isWildcard = host.hasPrefix("*.")
        let name = isWildcard ? host.dropFirst(2) : Substring(host)
        let isSubdomain = host.utf8.count <= 253 && isDNS1123Subdomain(name.utf8)
        // One byte pass: an address has a `:` or only digits and dots; labels split at `.` bytes when all is ASCII.
        var isASCII = true
        var mayBeAddress = true
        var hasColon = false
        var longLabel: Substring?
        var labelStart = name.utf8.startIndex
        var labelLength = 0
        // Indices stepped by hand: `utf8.indices` of a Substring is an unspecialised generic call (a runtime
        // metadata lookup per host).
        let bytes = name.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex {
            defer { bytes.formIndex(after: &index) }
            let byte = bytes[index]
            if byte >= 0x80 { isASCII = false }
            if byte == UInt8(ascii: ":") { hasColon = true }
            if byte != UInt8(ascii: ".") && !(byte >= 48 && byte <= 57) { mayBeAddress = false }
            if byte == UInt8(ascii: ".") {
                if longLabel == nil, labelLength > 63 { longLabel = name[labelStart..<index] }
                labelStart = name.utf8.index(after: index)
                labelLength = 0
            } else {
                labelLength += 1
            }
        }
        if longLabel == nil, labelLength > 63 { longLabel = name[labelStart...] }
        if !isASCII {
            // Characters, not bytes, split a name with combining marks: the general path.
            longLabel = name.split(separator: ".", omittingEmptySubsequences: false).first { $0.utf8.count > 63 }
        }
        // A wildcard host's `*` is neither a digit nor a dot.
        let isIPAddress = (hasColon || (mayBeAddress && !isWildcard) || !isASCII) && IPAddress(host) != nil
        return HostFacts(isIPAddress: isIPAddress, isWildcard: isWildcard, isSubdomain: isSubdomain, longLabel: longLabel)
    }

    /// What an `Exact` or `Prefix` path may not contain (`invalidPathSequences`), in the API server's order.
    package static let forbiddenInPath = ["//", "/./", "/../", "%2f", "%2F"]
    /// What an `Exact` or `Prefix` path may not end with (`invalidPathSuffixes`).
    package static let forbiddenAtPathEnd = ["/..", "/."]

    /// One way an `Exact` or `Prefix` path breaks the sequence rules.
    package enum PathViolation: Equatable, Sendable {
        case contains(String)
        case endsWith(String)
    }

    /// The sequence rules an absolute `Exact` or `Prefix` path breaks, in the API server's order.
    package static func pathViolations(_ path: String) -> [PathViolation] {
        let bytes = Array(path.utf8)
        // Every forbidden sequence starts with `/` followed by `/` or `.`, or with `%2`: most paths have neither.
        var suspicious = false
        for index in bytes.indices.dropLast() {
            let (byte, next) = (bytes[index], bytes[index + 1])
            if (byte == UInt8(ascii: "/") && (next == UInt8(ascii: "/") || next == UInt8(ascii: ".")))
                || (byte == UInt8(ascii: "%") && next == UInt8(ascii: "2"))
            {
                suspicious = true
                break
            }
        }
        guard suspicious else { return [] }
        return forbiddenInPath.filter { contains(bytes, Array($0.utf8)) }.map(PathViolation.contains)
            + forbiddenAtPathEnd.filter { bytes.reversed().starts(with: $0.utf8.reversed()) }
            .map(PathViolation.endsWith)
    }

    /// Byte search (not `String.contains`, which Foundation would take over in this module).
    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= bytes.count else { return false }
        return (0...(bytes.count - needle.count)).contains { start in
            bytes[start..<start + needle.count].elementsEqual(needle)
        }
    }

    /// `^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$` over bytes (no length limit).
    private static func isDNS1123Subdomain(_ bytes: Substring.UTF8View) -> Bool {
        guard !bytes.isEmpty else { return false }
        var previous: UInt8 = UInt8(ascii: ".")
        for byte in bytes {
            let alphanumeric = (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
            switch byte {
            case _ where alphanumeric: break
            case UInt8(ascii: "-"): if previous == UInt8(ascii: ".") { return false }
            case UInt8(ascii: "."): if previous == UInt8(ascii: ".") || previous == UInt8(ascii: "-") { return false }
            default: return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-") && previous != UInt8(ascii: ".")
    }
}
