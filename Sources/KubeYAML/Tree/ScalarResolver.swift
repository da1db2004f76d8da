/// Resolves plain scalars to types on bytes, as goyaml.v2's `resolve` does for `kubectl apply`.
///
/// The differences from YAML 1.2 (and from Yams) matter: `y/Y/yes/on` are true and `n/N/no/off` false;
/// there is no base-60; `017` and `0o17` are octal 15, `0x1F` hex, `0b101` binary; underscores are dropped
/// before numbers are read; timestamps stay strings (goyaml.v2 keeps them as strings when decoding into
/// `interface{}`, which is what sigs.k8s.io/yaml does). Works on bytes with no allocation: this runs for
/// every plain scalar of every file.
package enum ScalarResolver {
    /// The type of a plain scalar's text.
    package static func resolvePlain(_ text: UnsafeBufferPointer<UInt8>) -> ScalarType {
        let count = text.count
        if count == 0 { return .null }
        let first = text[0]
        switch first {
        case UInt8(ascii: "~"):
            return count == 1 ? .null : .string
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if equalsAny(text, nullWords) { return .null }
            return equalsAny(text, falseWords) ? .bool : .string
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"), UInt8(ascii: "T"):
            return equalsAny(text, trueWords) ? .bool : .string
        case UInt8(ascii: "o"), UInt8(ascii: "O"):
            return equalsAny(text, trueWords) || equalsAny(text, falseWords) ? .bool : .string
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return equalsAny(text, falseWords) ? .bool : .string
        case UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return resolveNumber(text)
        default:
            return .string
        }
    }

    /// Whether a plain scalar is one that YAML 1.1 readers type but a human likely meant as a string:
    /// `yes/no/on/off/y/n` booleans, leading-zero octals, and `1.10`-style versions that lose a zero.
    package static func isAmbiguous(_ text: String, type: ScalarType) -> Bool {
        switch type {
        case .bool:
            let lower = text.lowercased()
            return lower != "true" && lower != "false"
        case .int:
            let digits = text.hasPrefix("-") || text.hasPrefix("+") ? String(text.dropFirst()) : text
            return digits.count > 1 && digits.hasPrefix("0") && !digits.hasPrefix("0x")
                || digits.contains("_")
        case .float:
            return text.hasSuffix("0") && text.contains(".") && !text.contains("e") && !text.contains("E")
        case .null, .string:
            return false
        }
    }

    // MARK: - Numbers

    private static func resolveNumber(_ text: UnsafeBufferPointer<UInt8>) -> ScalarType {
        if equalsAny(text, specialFloats) { return .float }
        guard text.contains(UInt8(ascii: "_")) else { return classifyNumber(text) }
        // goyaml.v2 strips every underscore before trying strconv; rare, so the copy is fine.
        let stripped = text.filter { $0 != UInt8(ascii: "_") }
        if stripped.isEmpty { return .string }
        return stripped.withUnsafeBufferPointer { classifyNumber($0) }
    }

    private static func classifyNumber(_ text: UnsafeBufferPointer<UInt8>) -> ScalarType {
        if isGoInteger(text) { return .int }
        if isYAMLFloat(text) { return .float }
        return .string
    }

    /// strconv.ParseInt/ParseUint with base 0 (range checked), plus goyaml.v2's own `0b`/`-0b`.
    private static func isGoInteger(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = text.count
        if text[0] == UInt8(ascii: "+") || text[0] == UInt8(ascii: "-") { index = 1 }
        guard index < count else { return false }
        var base: UInt64 = 10
        if text[index] == UInt8(ascii: "0"), index + 1 < count {
            switch text[index + 1] {
            case UInt8(ascii: "x"), UInt8(ascii: "X"): base = 16; index += 2
            case UInt8(ascii: "o"), UInt8(ascii: "O"): base = 8; index += 2
            case UInt8(ascii: "b"), UInt8(ascii: "B"): base = 2; index += 2
            default: base = 8; index += 1
            }
            guard index < count else { return false }
        }
        var value: UInt64 = 0
        while index < count {
            guard let digit = digitValue(text[index]), UInt64(digit) < base else { return false }
            let (multiplied, overflow1) = value.multipliedReportingOverflow(by: base)
            let (added, overflow2) = multiplied.addingReportingOverflow(UInt64(digit))
            if overflow1 || overflow2 { return false }
            value = added
            index += 1
        }
        return true
    }

    /// goyaml.v2's `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    private static func isYAMLFloat(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = text.count
        if text[0] == UInt8(ascii: "+") || text[0] == UInt8(ascii: "-") { index = 1 }
        guard index < count else { return false }
        if text[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < count, isDigit(text[index]) { index += 1 }
            if index == start { return false }
        } else {
            let start = index
            while index < count, isDigit(text[index]) { index += 1 }
            if index == start { return false }
            if index < count, text[index] == UInt8(ascii: ".") {
                index += 1
                while index < count, isDigit(text[index]) { index += 1 }
            }
        }
        if index < count, text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") { index += 1 }
            let start = index
            while index < count, isDigit(text[index]) { index += 1 }
            if index == start { return false }
        }
        return index == count
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    @inline(__always)
    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 48...57: Int(byte - 48)
        case 97...102: Int(byte - 87)
        case 65...70: Int(byte - 55)
        default: nil
        }
    }

    // MARK: - Word tables

    private static func equalsAny(_ text: UnsafeBufferPointer<UInt8>, _ words: [[UInt8]]) -> Bool {
        for word in words where word.count == text.count {
            var same = true
            for index in 0..<word.count where word[index] != text[index] {
                same = false
                break
            }
            if same { return true }
        }
        return false
    }

    private static let nullWords: [[UInt8]] = ["null", "Null", "NULL"].map { Array($0.utf8) }
    private static let trueWords: [[UInt8]] = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
        .map { Array($0.utf8) }
    private static let falseWords: [[UInt8]] = ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]
        .map { Array($0.utf8) }
    private static let specialFloats: [[UInt8]] = [
        ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN",
    ].map { Array($0.utf8) }

    /// The boolean value of a resolved bool scalar.
    package static func boolValue(_ text: String) -> Bool? {
        switch text {
        case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": true
        case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF": false
        default: nil
        }
    }

    /// The value of a resolved int scalar, as strconv base 0 reads it (nil past Int64).
    package static func intValue(_ text: String) -> Int64? {
        var body = Substring(text.replacingUnderscores())
        var negative = false
        if body.hasPrefix("-") { negative = true; body = body.dropFirst() } else if body.hasPrefix("+") { body = body.dropFirst() }
        var radix = 10
        if body.count > 1, body.hasPrefix("0") {
            let second = body[body.index(after: body.startIndex)]
            switch second {
            case "x", "X": radix = 16; body = body.dropFirst(2)
            case "o", "O": radix = 8; body = body.dropFirst(2)
            case "b", "B": radix = 2; body = body.dropFirst(2)
            default: radix = 8; body = body.dropFirst()
            }
        }
        guard let magnitude = UInt64(body, radix: radix) else { return nil }
        if negative {
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            guard magnitude <= UInt64(Int64.max) else { return nil }
            return -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// The value of a resolved float scalar.
    package static func doubleValue(_ text: String) -> Double? {
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default:
            if let int = intValue(text) { return Double(int) }
            return Double(text.replacingUnderscores())
        }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        contains("_") ? String(filter { $0 != "_" }) : self
    }
}
