/// The fast scanner's reading of text: lines (checked the way libyaml's reader checks characters), columns
/// in characters as libyaml counts them, and one-line scalars.
extension FastScanner {
    /// One scanned scalar: where its token is, where its value is, and what follows it.
    struct ScalarToken {
        var style: ScalarStyle
        /// The token's first byte and the byte after its last (the closing quote included).
        var start: Int
        var end: Int
        /// The value's bytes in the input, unless `usesScratch`.
        var valueStart: Int
        var valueEnd: Int
        var usesScratch: Bool
        /// Where scanning stopped: the `:` of a key, or the first byte after the token.
        var next: Int
        /// Followed (after spaces) by `:` and a blank: the token is a mapping key.
        var isKey: Bool
    }

    // MARK: Lines

    /// Loads the next line, if any, and checks its characters.
    mutating func advance() throws -> Bool {
        guard nextStart < count else { return false }
        try loadLine(at: nextStart, number: nextLineNumber)
        nextStart = lineEnd + 1
        nextLineNumber += 1
        return true
    }

    /// Finds the line's end and checks every character as libyaml's reader would, refusing also what the
    /// scanner does not handle: CR, line and paragraph separators, NEL and BOM (each a line break or
    /// whitespace to libyaml). Tabs are noted, not refused: comments and block scalars may hold them.
    mutating func loadLine(at start: Int, number: Int32) throws {
        lineStart = start
        lineNumber = number
        lineIsASCII = true
        lineHasTab = false
        var index = start
        while index < count {
            let byte = base[index]
            if byte >= 0x20, byte < 0x7F {
                index += 1
                continue
            }
            if byte == Self.newline { break }
            if byte == Self.tab {
                lineHasTab = true
                index += 1
                continue
            }
            guard byte >= 0x80 else { throw Unsupported() }
            lineIsASCII = false
            index += try checkedSequenceLength(at: index)
        }
        lineEnd = index
    }

    /// The length of the UTF-8 sequence at `index` if it encodes a character libyaml accepts inside a line.
    private mutating func checkedSequenceLength(at index: Int) throws -> Int {
        let lead = UInt32(base[index])
        let length: Int
        var scalar: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; scalar = lead & 0x1F
        case 0xE0...0xEF: length = 3; scalar = lead & 0x0F
        case 0xF0...0xF4: length = 4; scalar = lead & 0x07
        default: throw Unsupported()
        }
        guard index + length <= count else { throw Unsupported() }
        for offset in 1..<length {
            let byte = UInt32(base[index + offset])
            guard byte & 0xC0 == 0x80 else { throw Unsupported() }
            scalar = scalar << 6 | (byte & 0x3F)
        }
        let allowed: Bool
        switch length {
        case 2: allowed = scalar >= 0xA0
        case 3:
            allowed = (scalar >= 0x800 && scalar <= 0xD7FF)
                || (scalar >= 0xE000 && scalar <= 0xFFFD && scalar != 0xFEFF)
            if scalar == 0x2028 || scalar == 0x2029 { throw Unsupported() }
        default: allowed = scalar >= 0x10000 && scalar <= 0x10FFFF
        }
        guard allowed else { throw Unsupported() }
        return length
    }

    /// The 1-based line and column (in characters) of a byte of the current line (or its end).
    mutating func location(of index: Int) -> SourceLocation {
        if lineIsASCII { return SourceLocation(line: lineNumber, column: Int32(index - lineStart + 1)) }
        var column: Int32 = 1
        var position = lineStart
        while position < index {
            if base[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return SourceLocation(line: lineNumber, column: column)
    }

    // MARK: Scalars

    mutating func isBlankOrEnd(_ index: Int) -> Bool {
        index >= lineEnd || base[index] == Self.space
    }

    /// A scalar token at `index`: quoted, or plain if its first character may start a plain scalar. In flow
    /// context, plain scalars also stop at `,[]{}`.
    mutating func scanScalar(at index: Int, flow: Bool) throws -> ScalarToken {
        let byte = base[index]
        var token: ScalarToken
        if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
            token = try scanQuoted(at: index, double: byte == UInt8(ascii: "\""))
        } else {
            token = try scanPlain(at: index, flow: flow)
        }
        var after = token.next
        while after < lineEnd, base[after] == Self.space { after += 1 }
        if after < lineEnd, base[after] == Self.colon, isBlankOrEnd(after + 1) {
            token.isKey = true
            token.next = after
        }
        return token
    }

    private mutating func canStartPlain(at index: Int, flow: Bool) -> Bool {
        let byte = base[index]
        switch byte {
        case UInt8(ascii: "-"):
            guard index + 1 < lineEnd else { return false }
            let next = base[index + 1]
            return next != Self.space && !(flow && Self.isFlowIndicator(next))
        case UInt8(ascii: "?"), UInt8(ascii: ":"):
            return !flow && !isBlankOrEnd(index + 1)
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
             UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"), Self.space:
            return false
        default:
            return true
        }
    }

    static func isFlowIndicator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }

    /// A plain scalar on one line: chunks of non-blanks separated by spaces, ending at `: `, ` #`, the end
    /// of the line, or (in flow) a flow indicator. Its end mark is after its last non-blank.
    private mutating func scanPlain(at index: Int, flow: Bool) throws -> ScalarToken {
        guard canStartPlain(at: index, flow: flow) else { throw Unsupported() }
        var position = index
        var end = index
        while true {
            let chunk = position
            while position < lineEnd {
                let byte = base[position]
                if byte == Self.space { break }
                if byte == Self.colon {
                    if isBlankOrEnd(position + 1) { break }
                    // In flow context libyaml's handling of `x:y` differs across versions.
                    if flow { throw Unsupported() }
                }
                if flow {
                    if Self.isFlowIndicator(byte) { break }
                    if byte == Self.hash { throw Unsupported() }
                }
                position += 1
            }
            if position > chunk { end = position }
            if position == lineEnd || base[position] != Self.space { break }
            while position < lineEnd, base[position] == Self.space { position += 1 }
            if position == lineEnd || base[position] == Self.hash { break }
        }
        if flow, position == lineEnd { throw Unsupported() }
        return ScalarToken(
            style: .plain, start: index, end: end, valueStart: index, valueEnd: end, usesScratch: false,
            next: end, isKey: false)
    }

    /// A single- or double-quoted scalar closed on its own line. Double-quoted escapes other than the
    /// common ones, and escaped line breaks, are left to libyaml.
    private mutating func scanQuoted(at index: Int, double: Bool) throws -> ScalarToken {
        let quote = base[index]
        var position = index + 1
        var copied = false
        var runStart = position
        while true {
            guard position < lineEnd else { throw Unsupported() }
            let byte = base[position]
            if !double, byte == quote {
                guard position + 1 < lineEnd, base[position + 1] == quote else { break }
                // `''` is one quote.
                startScratch(&copied, from: runStart, to: position + 1)
                position += 2
                runStart = position
                continue
            }
            if double, byte == quote { break }
            if double, byte == UInt8(ascii: "\\") {
                guard position + 1 < lineEnd else { throw Unsupported() }
                startScratch(&copied, from: runStart, to: position)
                position = try appendEscape(at: position + 1)
                runStart = position
                continue
            }
            position += 1
        }
        if copied { scratch.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: position - runStart)) }
        return ScalarToken(
            style: double ? .doubleQuoted : .singleQuoted, start: index, end: position + 1, valueStart: index + 1,
            valueEnd: position, usesScratch: copied, next: position + 1, isKey: false)
    }

    /// Moves the value into `scratch` (once), appending the input run `from..<to`.
    private mutating func startScratch(_ copied: inout Bool, from: Int, to: Int) {
        if !copied {
            scratch.removeAll(keepingCapacity: true)
            copied = true
        }
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + from, count: to - from))
    }

    /// Appends the character escaped at `index` (just after the backslash); returns the index after it.
    private mutating func appendEscape(at index: Int) throws -> Int {
        let byte = base[index]
        let simple: UInt8?
        switch byte {
        case UInt8(ascii: "0"): simple = 0
        case UInt8(ascii: "a"): simple = 7
        case UInt8(ascii: "b"): simple = 8
        case UInt8(ascii: "t"): simple = 9
        case UInt8(ascii: "n"): simple = 10
        case UInt8(ascii: "v"): simple = 11
        case UInt8(ascii: "f"): simple = 12
        case UInt8(ascii: "r"): simple = 13
        case UInt8(ascii: "e"): simple = 27
        case UInt8(ascii: " "), UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"): simple = byte
        default: simple = nil
        }
        if let simple {
            scratch.append(simple)
            return index + 1
        }
        let digits: Int
        switch byte {
        case UInt8(ascii: "x"): digits = 2
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: throw Unsupported()
        }
        guard index + digits < lineEnd else { throw Unsupported() }
        var value: UInt32 = 0
        for offset in 1...digits {
            guard let digit = Self.hexValue(base[index + offset]) else { throw Unsupported() }
            value = value << 4 | digit
        }
        guard value < 0xD800 || (value > 0xDFFF && value <= 0x10FFFF) else { throw Unsupported() }
        Self.appendUTF8(value, to: &scratch)
        return index + 1 + digits
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            bytes.append(UInt8(value))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | value >> 6))
            bytes.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | value >> 12))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | value >> 18))
            bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        }
    }
}
