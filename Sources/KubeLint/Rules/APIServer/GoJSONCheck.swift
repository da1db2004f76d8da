/// What Go's `json.Unmarshal(bytes, &map[string]interface{}{})` says about a document, word for word: the
/// syntax errors of `encoding/json`'s scanner, or the type mismatch when the top level is not an object. The API
/// server runs it on the `.dockercfg` and `.dockerconfigjson` keys of pull-secret Secrets.
package struct GoJSONCheck {
    private let bytes: [UInt8]
    private var index = 0

    /// The error Go reports, nil when the bytes decode into a map (or are `null`).
    package static func objectError(_ bytes: [UInt8]) -> String? {
        var check = GoJSONCheck(bytes: bytes)
        do throws(Failure) {
            check.skipSpace()
            let first = check.peek
            try check.value()
            check.skipSpace()
            if let byte = check.peek { throw Failure.syntax(byte, "after top-level value") }
            switch first {
            case UInt8(ascii: "{"), UInt8(ascii: "n"): return nil
            case UInt8(ascii: "["): return mismatch("array")
            case UInt8(ascii: "\""): return mismatch("string")
            case UInt8(ascii: "t"), UInt8(ascii: "f"): return mismatch("bool")
            default: return mismatch("number")
            }
        } catch {
            switch error {
            case .syntax(let byte, let context): return "invalid character " + quote(byte) + " " + context
            case .end: return "unexpected end of JSON input"
            }
        }
    }

    private static func mismatch(_ type: String) -> String {
        "json: cannot unmarshal \(type) into Go value of type map[string]interface {}"
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private enum Failure: Error {
        case syntax(UInt8, String)
        case end
    }

    private var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func next() throws(Failure) -> UInt8 {
        guard index < bytes.count else { throw .end }
        defer { index += 1 }
        return bytes[index]
    }

    private mutating func skipSpace() {
        while let byte = peek, byte == 32 || byte == 9 || byte == 10 || byte == 13 { index += 1 }
    }

    private mutating func nextNonSpace() throws(Failure) -> UInt8 {
        skipSpace()
        return try next()
    }

    private mutating func value() throws(Failure) {
        let byte = try nextNonSpace()
        switch byte {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "-"), 48...57: try number(byte)
        case UInt8(ascii: "t"): try literal("rue", "true")
        case UInt8(ascii: "f"): try literal("alse", "false")
        case UInt8(ascii: "n"): try literal("ull", "null")
        default: throw .syntax(byte, "looking for beginning of value")
        }
    }

    private mutating func object() throws(Failure) {
        var byte = try nextNonSpace()
        if byte == UInt8(ascii: "}") { return }
        while true {
            guard byte == UInt8(ascii: "\"") else { throw .syntax(byte, "looking for beginning of object key string") }
            try string()
            let colon = try nextNonSpace()
            guard colon == UInt8(ascii: ":") else { throw .syntax(colon, "after object key") }
            try value()
            let separator = try nextNonSpace()
            if separator == UInt8(ascii: "}") { return }
            guard separator == UInt8(ascii: ",") else { throw .syntax(separator, "after object key:value pair") }
            byte = try nextNonSpace()
        }
    }

    private mutating func array() throws(Failure) {
        skipSpace()
        if peek == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try value()
            let separator = try nextNonSpace()
            if separator == UInt8(ascii: "]") { return }
            guard separator == UInt8(ascii: ",") else { throw .syntax(separator, "after array element") }
        }
    }

    private mutating func string() throws(Failure) {
        while true {
            let byte = try next()
            switch byte {
            case UInt8(ascii: "\""): return
            case UInt8(ascii: "\\"):
                let escape = try next()
                if escape == UInt8(ascii: "u") {
                    for _ in 0..<4 {
                        let hex = try next()
                        let isHex = (48...57).contains(hex) || (65...70).contains(hex) || (97...102).contains(hex)
                        if !isHex { throw .syntax(hex, "in \\u hexadecimal character escape") }
                    }
                } else if !Array("\"\\/bfnrt".utf8).contains(escape) {
                    throw .syntax(escape, "in string escape code")
                }
            case 0..<32: throw .syntax(byte, "in string literal")
            default: continue
            }
        }
    }

    private mutating func digits() {
        while let byte = peek, (48...57).contains(byte) { index += 1 }
    }

    private mutating func number(_ first: UInt8) throws(Failure) {
        var lead = first
        if first == UInt8(ascii: "-") {
            lead = try next()
            guard (48...57).contains(lead) else { throw .syntax(lead, "in numeric literal") }
        }
        if lead != 48 { digits() }
        if peek == UInt8(ascii: ".") {
            index += 1
            let byte = try next()
            guard (48...57).contains(byte) else { throw .syntax(byte, "after decimal point in numeric literal") }
            digits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            var byte = try next()
            if byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") { byte = try next() }
            guard (48...57).contains(byte) else { throw .syntax(byte, "in exponent of numeric literal") }
            digits()
        }
    }

    private mutating func literal(_ rest: String, _ word: String) throws(Failure) {
        for expected in rest.utf8 {
            let byte = try next()
            if byte != expected {
                throw .syntax(byte, "in literal \(word) (expecting '\(Character(UnicodeScalar(expected)))')")
            }
        }
    }

    /// Go's `quoteChar`: a byte as a single-quoted Go literal (`'x'`, `'\n'`, `'\x01'`, `'\u00a0'`).
    static func quote(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "'"): return "'\\''"
        case UInt8(ascii: "\""): return "'\"'"
        case UInt8(ascii: "\\"): return "'\\\\'"
        case 7: return "'\\a'"
        case 8: return "'\\b'"
        case 12: return "'\\f'"
        case 10: return "'\\n'"
        case 13: return "'\\r'"
        case 9: return "'\\t'"
        case 11: return "'\\v'"
        case 32...126: return "'" + String(UnicodeScalar(byte)) + "'"
        case 0..<32, 127: return "'\\x" + hex(byte) + "'"
        case 0x80...0xa0, 0xad: return "'\\u00" + hex(byte) + "'"
        default: return "'" + String(UnicodeScalar(byte)) + "'"
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}
