/// What iptables-restore (and nft) accept inside one token of a rule line, for values built from manifests.
///
/// iptables-restore splits a line on blanks, honouring double quotes; a `"` inside a comment ends the quoted
/// token early and lets the rest of the value become options (`" -j ACCEPT "`), and a newline starts a new rule.
/// Chain and set names are hashes kubec builds itself; the only manifest text in a rule is a comment
/// (`namespace/name:port`), a port number, or an address kubec printed from its own parsed form.
package enum IPTablesGrammar {
    /// The xt_comment module's limit: 256 bytes including the terminating NUL.
    package static let maximumCommentLength = 255

    /// Whether `text` can sit between the double quotes of `--comment "…"` (and nft's `comment "…"`) and mean
    /// itself: printable ASCII without `"` or `\`, at most 255 bytes.
    package static func isCommentText(_ text: String) -> Bool {
        text.utf8.count <= maximumCommentLength
            && text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    /// Whether `port` fits a `--dport`/`--to-destination` port (1–65535).
    package static func isPort(_ port: Int) -> Bool {
        (1...65535).contains(port)
    }

    /// Whether `first:last` is a valid iptables port range (`--dport 8080:8090`).
    package static func isPortRange(_ first: Int, _ last: Int) -> Bool {
        isPort(first) && isPort(last) && first <= last
    }
}
