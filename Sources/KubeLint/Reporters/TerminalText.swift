/// Input text made safe to print on a terminal: control characters become their visible pictures.
///
/// A manifest can hold raw ESC, BEL or CR bytes in a quoted scalar; printed as they are, a source excerpt or a
/// message quoting a name would move the cursor, recolour or retitle the user's terminal. Each C0 control but tab
/// becomes its Unicode Control Picture (ESC → `␛`, U+241B), DEL becomes `␡` and C1 controls become `�`: one
/// character for one, so the caret under an excerpt still lines up.
package enum TerminalText {
    package static func visible(_ text: String) -> String {
        guard needsPictures(text) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: result.append(scalar)
            case 0x00..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
            case 0x7F: result.append("\u{2421}")
            case 0x80..<0xA0: result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Appends `visible(text)`, without a copy when nothing needs a picture.
    package static func append(_ text: String, to output: inout String) {
        if needsPictures(text) { output += visible(text) } else { output += text }
    }

    /// Appends the UTF-8 bytes of `visible(text)`, copying `text`'s own bytes when nothing needs a picture.
    package static func append(_ text: String, to output: inout [UInt8]) {
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !needsPictures(bytes) else { return false }
            output.append(contentsOf: bytes)
            return true
        }
        if copied != true { output.append(contentsOf: visible(text).utf8) }
    }

    /// Whether some scalar needs a picture, from the UTF-8 bytes when they are contiguous: a C0 control or DEL is
    /// that byte, a C1 control is C2 80…C2 9F.
    private static func needsPictures(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(needsPictures) ?? text.unicodeScalars.contains(where: needsPicture)
    }

    /// `needsPictures` over valid UTF-8 bytes. Eight bytes at a time while none of them is below 0x20, 0x7F or
    /// 0xC2 (most text is plain ASCII); a word with one of them is looked at byte by byte.
    private static func needsPictures(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if ByteClass.hasByteBelow(0x20, word) || ByteClass.hasByte(0x7F, word) || ByteClass.hasByte(0xC2, word) {
                    break
                }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20, byte != 0x09 { return true }
            if byte == 0x7F { return true }
            if byte == 0xC2, index + 1 < bytes.count, (0x80..<0xA0).contains(bytes[index + 1]) { return true }
            index += 1
        }
        return false
    }

    private static func needsPicture(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar.value != 0x09) || (0x7F..<0xA0).contains(scalar.value)
    }
}

/// Tests on eight bytes at once (the word's bytes in any order: each test asks whether some byte qualifies).
enum ByteClass {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether some byte of the word is below `limit` (at most 0x80).
    @inline(__always)
    static func hasByteBelow(_ limit: UInt8, _ word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// Whether some byte of the word is `byte`.
    @inline(__always)
    static func hasByte(_ byte: UInt8, _ word: UInt64) -> Bool {
        hasByteBelow(1, word ^ (ones &* UInt64(byte)))
    }

    /// Whether every byte of the word is printable ASCII (0x20 to 0x7E).
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        word & highs == 0 && !hasByteBelow(0x20, word) && !hasByte(0x7F, word)
    }
}
