/// Escaping for the HTML reports: every value that came from a manifest (names, labels, messages) goes through
/// here before it reaches a page.
///
/// One function serves text and attribute values alike (attributes are always double-quoted), so a name such
/// as `<script>` or `a" onload="x` is inert wherever it lands.
package enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    package static func escape(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// A width in percent of `total` with two decimals (`12.50%`), clamped to 0…100, for bar segments.
    package static func percentWidth(_ part: Int64, of total: Int64) -> String {
        guard total > 0, part > 0 else { return "0%" }
        let basisPoints = min(10_000, part >= Int64.max / 10_000 ? 10_000 : part * 10_000 / total)
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}
