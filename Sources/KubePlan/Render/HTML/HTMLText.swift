/// Escaping for the HTML reports: every value that came from a manifest (names, labels, messages) goes through
/// here before it reaches a page.
///
/// One function serves text and attribute values alike (attributes are always double-quoted), so a name such
/// as `<script>` or `a" onload="x` is inert wherever it lands.
package enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    package static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` escaped as `escape` returns it, as UTF-8: runs without a special byte are copied as they
    /// are (the special bytes are ASCII, so never part of a multi-byte character).
    package static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { source in
            var start = 0
            for index in 0..<source.count {
                guard let entity = reference(for: source[index]) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
        }
    }

    /// The character reference a byte is replaced by, nil for every byte copied as it is: the only table of
    /// what the HTML reports escape.
    private static func reference(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
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
