/// What `ipset restore` accepts as one entry of an `add SET ENTRY` line.
///
/// Entries kubec writes are addresses, CIDRs, `proto:port` and their comma-joined tuples, all printed from
/// parsed values; this check keeps anything else (a blank, a newline, a quote) out of the file.
package enum IPSetGrammar {
    /// ipset's own limit on a set name (`IPSET_MAXNAMELEN` 32, including the NUL).
    package static let maximumSetNameLength = 31

    /// Whether `entry` is made only of the characters an address/port tuple needs.
    package static func isEntry(_ entry: String) -> Bool {
        !entry.isEmpty && entry.utf8.count <= 128
            && entry.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ",")
                    || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-")
            }
    }

    /// Whether `name` is a valid set name: 1–31 bytes of letters, digits, `-` and `_`.
    package static func isSetName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= maximumSetNameLength
            && name.utf8.allSatisfy { byte in
                (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                    || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            }
    }
}
