/// Which manifest values may name a folder or file of the output tree (`nodes/<node name>/…`).
///
/// Node names are DNS-1123 subdomains; anything else (a `/`, `..`, a newline, a leading `-` that a shell glob
/// would read as an option) never becomes a path component.
package enum PathGrammar {
    /// Whether `name` is a safe single path component: a lower-case DNS-1123 subdomain of at most 253 bytes.
    package static func isComponent(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 253, name != ".", name != ".." else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.utf8.first, let last = label.utf8.last, label.utf8.count <= 63 else { return false }
            return isAlphanumeric(first) && isAlphanumeric(last)
                && label.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
}
