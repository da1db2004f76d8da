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

    /// Whether any scalar of `text` needs a picture, read from its UTF-8 bytes (every finding's message, place
    /// and source line passes here): C0 controls and DEL are single bytes, C1 controls are `C2 80`…`C2 9F`.
    private static func needsPictures(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20, byte != 0x09 { return true }
                if byte == 0x7F { return true }
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 { return true }
                index += 1
            }
            return false
        }
    }
}
