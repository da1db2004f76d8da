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

    /// `text` as `HTMLText.escape(text)` writes it.
    mutating func writeHTML(_ text: String) { HTMLText.append(text, to: &bytes) }

    /// A JSON string literal as `JSONValue.writeString` writes it.
    mutating func writeJSON(_ text: String) { JSONValue.writeString(text, to: &bytes) }

    /// How many characters `text.count` counts: its UTF-8 length when it is ASCII without a carriage return
    /// (the one ASCII pair, CR LF, that is a single character), else the grapheme count.
    static func characterCount(_ text: String) -> Int {
        var text = text
        let simple = text.withUTF8 { source in !source.contains { $0 >= 0x80 || $0 == 0x0D } }
        return simple ? text.utf8.count : text.count
    }
}
