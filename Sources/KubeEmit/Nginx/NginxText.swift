/// How manifest text becomes nginx tokens (the lexer facts of ngx_conf_file.c `ngx_conf_read_token`).
///
/// A value is emitted as exactly one double-quoted token with `\` and `"` backslash-escaped; inside quotes
/// `;`, `{`, `}`, `#` and spaces are literal. Control characters are refused (nginx would turn `\n` escapes
/// into real newlines, and raw ones reach logs and regexes), as are C1 controls and bidi overrides, so a
/// refused value is a diagnostic and never reaches the file. Quoting does not stop `$` interpolation in
/// directives with variables; callers only quote `$`-free values there (each grammar forbids `$`).
enum NginxText {
    /// The longest value we put in one token; nginx refuses tokens beyond its 4 KiB parse buffer.
    static let maximumTokenLength = 1024

    /// Why a value cannot become a token.
    enum Refusal: Equatable {
        case empty
        case tooLong
        case controlCharacter
        case invisibleFormatCharacter
    }

    /// Checks that `text` can be one quoted token: non-empty, at most 1024 UTF-8 bytes, no C0/C1 controls or DEL,
    /// no bidi or zero-width format characters.
    static func refusal(_ text: String) -> Refusal? {
        if text.isEmpty { return .empty }
        if text.utf8.count > maximumTokenLength { return .tooLong }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || value == 0x7F || (value >= 0x80 && value < 0xA0) { return .controlCharacter }
            if (0x200B...0x200F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value)
                || value == 0xFEFF
            {
                return .invisibleFormatCharacter
            }
        }
        return nil
    }

    /// The text as one double-quoted token.
    ///
    /// `\` and `"` are backslash-escaped. Call only after `refusal(text) == nil`.
    static func quoted(_ text: String) -> String {
        let needsEscape = text.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") }
        guard needsEscape else { return "\"" + text + "\"" }
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\"") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text` with every PCRE metacharacter backslash-escaped, so the regex matches the text literally.
    static func regexLiteral(_ text: String) -> String {
        guard text.utf8.contains(where: isRegexMeta) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if isRegexMeta(byte) { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isRegexMeta(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "."), UInt8(ascii: "|"),
            UInt8(ascii: "?"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
            UInt8(ascii: "]"),
            UInt8(ascii: "{"), UInt8(ascii: "}"):
            true
        default: false
        }
    }

    /// A human description of a refusal for diagnostics.
    static func describe(_ refusal: Refusal) -> String {
        switch refusal {
        case .empty: "is empty"
        case .tooLong: "is longer than \(maximumTokenLength) bytes"
        case .controlCharacter: "contains a control character (newline, NUL, tab…)"
        case .invisibleFormatCharacter: "contains an invisible Unicode format character (bidi override, zero width)"
        }
    }

    /// A diagnostic-safe excerpt of untrusted text: controls shown as `?`, at most 60 characters.
    static func excerpt(_ text: String) -> String {
        let scalars = text.unicodeScalars
        var result = String(
            String.UnicodeScalarView(scalars.prefix(60).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
        if scalars.count > 60 { result += "…" }
        return result
    }
}
