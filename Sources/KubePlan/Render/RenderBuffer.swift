import KubeModel
import KubeYAML

/// The bytes of a report being rendered: one growing buffer that text, numbers and escaped manifest values are
/// appended to in place (no intermediate `String` per line, value or number).
///
/// Escaping copies the runs that need none as they are and hands a value with anything to escape to the
/// renderers' one escaping rule (`HTMLText.escape` for pages, `JSONValue.writeString` for JSON), so the rules
/// themselves live in one place each.
struct RenderBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// The rendered text (every piece appended was UTF-8).
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func write(byte: UInt8) { bytes.append(byte) }

    mutating func write(spaces count: Int) {
        if count > 0 { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
    }

    /// Decimal digits, as `String(value)` writes them.
    mutating func write(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var index = bytes.count + digits
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
        repeat {
            index -= 1
            bytes[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
    }

    /// An address as `IPAddress.description` writes it (IPv4 digit by digit; IPv6 through `description`).
    mutating func write(_ address: IPAddress) {
        guard case .v4(let value) = address else {
            write(address.description)
            return
        }
        write(Int(value >> 24))
        bytes.append(UInt8(ascii: "."))
        write(Int(value >> 16 & 0xFF))
        bytes.append(UInt8(ascii: "."))
        write(Int(value >> 8 & 0xFF))
        bytes.append(UInt8(ascii: "."))
        write(Int(value & 0xFF))
    }

    /// `text` as `HTMLText.escape(text)` writes it: a byte scan for `&<>"'` (ASCII, so never inside a multi-byte
    /// character); runs without them are copied as they are.
    mutating func writeHTML(_ text: String) {
        var text = text
        text.withUTF8 { source in
            var start = 0
            for index in 0..<source.count {
                let byte = source[index]
                guard byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<index]))
                write(HTMLText.escape(String(decoding: CollectionOfOne(byte), as: UTF8.self)))
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
        }
    }

    /// A JSON string literal as `JSONValue.writeString` writes it: copied between quotes when it holds no
    /// quote, backslash, control character or E2 lead byte (of U+2028/U+2029), else written by `writeString`.
    mutating func writeJSON(_ text: String) {
        var text = text
        let plain = text.withUTF8 { source in
            !source.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }
        }
        guard plain else {
            JSONValue.writeString(text, to: &bytes)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// How many characters `text.count` counts: its UTF-8 length when it is ASCII without a carriage return
    /// (the one ASCII pair, CR LF, that is a single character), else the grapheme count.
    static func characterCount(_ text: String) -> Int {
        var text = text
        let simple = text.withUTF8 { source in !source.contains { $0 >= 0x80 || $0 == 0x0D } }
        return simple ? text.utf8.count : text.count
    }
}
