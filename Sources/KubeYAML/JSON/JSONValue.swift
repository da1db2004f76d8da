/// A JSON value with ordered object keys, for reports whose key order is part of the contract.
///
/// Foundation's encoders do not promise key order; CLI.md's shapes list keys in a fixed order, and users
/// diff these files, so every report builds a `JSONValue` and renders it here.
package indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    /// Keys in the order they are rendered.
    case object([(String, JSONValue)])

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.rendered() == rhs.rendered() }
    package func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// Compact JSON (no spaces), or one key per line with two-space indents when `pretty`.
    package func rendered(pretty: Bool = false) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(1024)
        write(to: &output, pretty: pretty, indent: 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// Renders into bytes: reports of 100,000 findings append millions of small pieces, and appending
    /// bytes costs a copy where appending to a `String` costs a copy and a re-count each time. `indent` is the
    /// nesting level the value sits at (what `rendered` would write for it there).
    package func write(to output: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .int(let value): output += String(value).utf8
        case .double(let value):
            if value.isFinite {
                output += (value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)).utf8
            } else {
                output += "null".utf8
            }
        case .string(let value): JSONValue.writeString(value, to: &output)
        case .array(let items):
            if items.isEmpty { output += "[]".utf8; return }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&output, indent: indent + 1) }
                item.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&output, indent: indent) }
            output.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { output += "{}".utf8; return }
            output.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                if pretty { Self.newline(&output, indent: indent + 1) }
                JSONValue.writeString(pair.0, to: &output)
                output += (pretty ? ": " : ":").utf8
                pair.1.write(to: &output, pretty: pretty, indent: indent + 1)
            }
            if pretty { Self.newline(&output, indent: indent) }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A line break and two spaces per level.
    package static func newline(_ output: inout [UInt8], indent: Int) {
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// Writes a JSON string literal as UTF-8: quotes, backslashes, control characters and the line and
    /// paragraph separators U+2028/U+2029 (E2 80 A8/A9) escaped, every other byte copied as it is.
    package static func writeString(_ value: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { bytes in
            // Most strings (names, labels, addresses) hold no byte the switch below could escape: copy them whole.
            guard bytes.contains(where: mayBeEscaped) else {
                output.append(contentsOf: bytes)
                return
            }
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): output += #"\""#.utf8
                case UInt8(ascii: "\\"): output += #"\\"#.utf8
                case UInt8(ascii: "\n"): output += #"\n"#.utf8
                case UInt8(ascii: "\r"): output += #"\r"#.utf8
                case UInt8(ascii: "\t"): output += #"\t"#.utf8
                case 0..<0x20: escape(UInt32(byte), to: &output)
                case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &output)
                    index += 2
                default: output.append(byte)
                }
                index += 1
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Every byte the switch in `writeString` escapes, or that starts a sequence it escapes (E2 of U+2028/29).
    private static func mayBeEscaped(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
    }

    /// `\u` and four lowercase hex digits.
    private static func escape(_ value: UInt32, to output: inout [UInt8]) {
        let hex = String(value, radix: 16)
        output += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
    }
}

extension JSONValue {
    /// A string, or null when nil.
    package static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
}
