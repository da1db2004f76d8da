import KubeModel

/// The last check before a value enters `nftables.nft`.
///
/// What nft's own grammar accepts for the identifiers,
/// comments, addresses and ports kube-proxy writes. A value that fails would make `nft -f` reject the whole
/// file, so the service port carrying it is left out and reported instead.
///
/// From nftables' scanner (`src/scanner.l`): an identifier is `[a-zA-Z_.][a-zA-Z0-9/\_.-]*` (kube-proxy's chain
/// names rely on `/` and `.`), at most 255 bytes (`NFT_NAME_MAXLEN` 256 with its NUL); a quoted string holds no
/// `"` and no line break; comments are at most 128 bytes (`NFT_USERDATA_MAXLEN`-bound `comment` limit).
enum NFTGrammar {
    static let nameLengthMax = 255
    static let commentLengthMax = 128

    /// A chain, set or map name nft reads as one identifier.
    static func isIdentifier(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, bytes.count <= nameLengthMax else { return false }
        guard isLetter(first) || first == 95 || first == 46 else { return false }
        for byte in bytes.dropFirst() {
            let ok =
                isLetter(byte) || (48...57).contains(byte) || byte == 47 || byte == 92 || byte == 95
                || byte == 46 || byte == 45
            if !ok { return false }
        }
        return true
    }

    /// Text inside `comment "…"`.
    static func isComment(_ text: String) -> Bool {
        text.utf8.count <= commentLengthMax && !text.utf8.contains { $0 == 34 || $0 == 10 || $0 == 13 || $0 < 32 }
    }

    /// An inet_service value (kube-proxy never writes port 0).
    static func isPort(_ port: Int) -> Bool { (1...65535).contains(port) }

    /// Address text that reads back as the same address of the family (canonical form only).
    static func isAddress(_ text: String, _ family: IPFamily) -> Bool {
        guard let parsed = IPAddress(text), family.contains(parsed) else { return false }
        return parsed.description == text
    }

    /// A prefix written as `address/length` in canonical form.
    static func isPrefix(_ text: String, _ family: IPFamily) -> Bool {
        guard let parsed = CIDR(text), family.contains(parsed.network) else { return false }
        return parsed.description == text
    }

    /// `tcp`, `udp` or `sctp` (the inet_proto names kube-proxy writes).
    static func isProtocol(_ text: String) -> Bool { text == "tcp" || text == "udp" || text == "sctp" }

    private static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
}
