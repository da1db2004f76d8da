/// The bytes every line-oriented output may hold: the last check before a file leaves the emitters.
///
/// iptables-restore, ipset restore, ipvsadm -R, nft -f, shell scripts, nginx.conf and zone files all read one
/// statement per line (or per `;`), so a newline, carriage return or NUL smuggled inside a value would start a
/// statement of the attacker's choosing. Emitters check names on the way in (see `DataplaneInputGuard`); this
/// check runs over the finished bytes, so a value that slipped past both is refused rather than loaded.
package enum TextLineGrammar {
    /// The offset of the first byte a text output must not hold: C0 controls other than tab and newline, DEL,
    /// and bytes that are not valid UTF-8; nil when every byte is allowed.
    package static func firstForbiddenByte(in bytes: [UInt8]) -> Int? {
        // One pass over the bytes; UTF-8 is validated (a copy) only when a byte is not ASCII.
        var ascii = true
        for (offset, byte) in bytes.enumerated() {
            if byte >= 0x80 {
                ascii = false
            } else if isForbidden(byte) {
                return offset
            }
        }
        if !ascii, String(validating: bytes, as: UTF8.self) == nil { return bytes.count }
        return nil
    }

    /// Whether one byte is a control character a line-oriented file must not contain.
    package static func isForbidden(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\t")) || byte == 0x7F
    }
}
