/// Input text made safe to print on a terminal: control characters become their visible pictures.
///
/// A manifest can hold raw ESC, BEL or CR bytes in a quoted scalar; printed as they are, a source excerpt or a
/// message quoting a name would move the cursor, recolour or retitle the user's terminal. Each C0 control but tab
/// becomes its Unicode Control Picture (ESC → `␛`, U+241B), DEL becomes `␡` and C1 controls become `�`: one
/// character for one, so the caret under an excerpt still lines up.
package enum TerminalText {
    package static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsPicture) else { return text }
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

    private static func needsPicture(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar.value != 0x09) || (0x7F..<0xA0).contains(scalar.value)
    }
}
