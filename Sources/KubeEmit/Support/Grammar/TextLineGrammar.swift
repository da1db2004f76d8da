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
        // One pass, eight bytes at a time: a word with no byte below 0x20 and none at or above 0x7F is plain text
        // and needs no closer look (an all-nodes compile checks gigabytes). UTF-8 is validated (a copy) only when
        // some byte is not ASCII.
        var ascii = true
        let forbidden: Int? = bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                while offset + 8 <= buffer.count {
                    let word = base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    if mayHoldNonText(word) {
                        for index in offset..<offset + 8 {
                            if buffer[index] >= 0x80 { ascii = false } else if isForbidden(buffer[index]) { return index }
                        }
                    }
                    offset += 8
                }
            }
            for index in offset..<buffer.count {
                if buffer[index] >= 0x80 { ascii = false } else if isForbidden(buffer[index]) { return index }
            }
            return nil
        }
        if let forbidden { return forbidden }
        if !ascii, String(validating: bytes, as: UTF8.self) == nil { return bytes.count }
        return nil
    }

    /// Whether some byte of the word is below 0x20 or at least 0x7F (exact for "none": a true answer may be
    /// checked byte by byte for nothing, a false one never hides a byte).
    @inline(__always)
    private static func mayHoldNonText(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below0x20 = (word &- 0x20 &* ones) & ~word & highs
        let atLeast0x7F = (((word & 0x7F7F_7F7F_7F7F_7F7F) &+ ones) | word) & highs
        return below0x20 | atLeast0x7F != 0
    }

    /// Whether one byte is a control character a line-oriented file must not contain.
    package static func isForbidden(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\t")) || byte == 0x7F
    }
}
