/// Which manifest values may name a folder or file of the output tree (`nodes/<node name>/…`).
///
/// Node names are DNS-1123 subdomains; anything else (a `/`, `..`, a newline, a leading `-` that a shell glob
/// would read as an option) never becomes a path component.
package enum PathGrammar {
    /// Whether `name` is a safe single path component: a lower-case DNS-1123 subdomain of at most 253 bytes.
    package static func isComponent(_ name: String) -> Bool {
        // One pass over the bytes: labels between dots, each 1–63 bytes of [a-z0-9-], alphanumeric at both ends
        // (so "." and ".." fail as empty labels).
        var count = 0
        var labelLength = 0
        var previous: UInt8 = UInt8(ascii: ".")
        for byte in name.utf8 {
            count += 1
            if byte == UInt8(ascii: ".") {
                guard labelLength > 0, isAlphanumeric(previous) else { return false }
                labelLength = 0
            } else {
                guard isAlphanumeric(byte) || (byte == UInt8(ascii: "-") && labelLength > 0) else { return false }
                labelLength += 1
                guard labelLength <= 63 else { return false }
            }
            previous = byte
        }
        return count > 0 && count <= 253 && labelLength > 0 && isAlphanumeric(previous)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
