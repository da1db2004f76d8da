/// Why quantity text could not be read.
package struct QuantityError: Error, Hashable, Sendable {
    /// The API server's wording.
    package var message: String

    /// The text does not have the shape of a quantity (`1.2.3`, `abc`, empty).
    package static let format = QuantityError(
        message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
    /// The suffix is not one of the known ones (`5mi`, `1K`).
    package static let suffix = QuantityError(message: "unable to parse quantity's suffix")
    /// The value needs more than 18 significant digits (kubec keeps quantities in 64 bits).
    package static let overflow = QuantityError(message: "quantity is too large (more than 18 significant digits)")
}

extension Quantity {
    /// Parses quantity text by apimachinery's grammar:
    /// `[+-]` digits with an optional `.` fraction, then a suffix: `n u m "" k M G T P E`, `Ki…Ei`, or `e`/`E`
    /// followed by a signed integer exponent.
    package static func parse(_ text: String) -> Result<Quantity, QuantityError> {
        var text = text
        return text.withUTF8 { parse(bytes: $0) }
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>) -> Result<Quantity, QuantityError> {
        let end = bytes.count
        var index = 0
        var negative = false
        if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        let integerStart = index
        while index < end, isDigit(bytes[index]) { index += 1 }
        let integerEnd = index
        var fractionStart = index
        var fractionEnd = index
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            fractionStart = index
            while index < end, isDigit(bytes[index]) { index += 1 }
            fractionEnd = index
        }
        guard integerEnd > integerStart || fractionEnd > fractionStart else { return .failure(.format) }
        // Suffix: letters from the allowed set, then an optional signed run of digits, then the end.
        let suffixStart = index
        while index < end, isSuffixLetter(bytes[index]) { index += 1 }
        if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < end, isDigit(bytes[index]) { index += 1 }
        guard index == end else { return .failure(.format) }
        guard let suffix = Suffix(UnsafeBufferPointer(rebasing: bytes[suffixStart..<end])) else {
            return .failure(.suffix)
        }

        // Significant digits, leading zeros dropped, trailing zeros folded into the exponent.
        var digits: [UInt8] = []
        digits.reserveCapacity(fractionEnd - integerStart)
        for position in integerStart..<integerEnd where !(digits.isEmpty && bytes[position] == UInt8(ascii: "0")) {
            digits.append(bytes[position] &- UInt8(ascii: "0"))
        }
        for position in fractionStart..<fractionEnd where !(digits.isEmpty && bytes[position] == UInt8(ascii: "0")) {
            digits.append(bytes[position] &- UInt8(ascii: "0"))
        }
        var exponent = Int(suffix.exponent10) - (fractionEnd - fractionStart)
        while digits.last == 0 {
            digits.removeLast()
            exponent += 1
        }
        if digits.isEmpty { return .success(Quantity(mantissa: 0, scale: 0, format: suffix.format)) }

        if suffix.exponent2 == 0 {
            roundToNano(&digits, &exponent)
            guard digits.count <= 18, let magnitude = value(of: digits) else { return .failure(.overflow) }
            return .success(
                Quantity(
                    mantissa: negative ? -magnitude : magnitude, scale: Int32(clamping: exponent),
                    format: suffix.format))
        }
        // Binary: double the exact value k times, normalising as we go so `1.5Ei` never overflows on the way;
        // a result above Int64.max is capped there, as apimachinery caps BinarySI values.
        guard digits.count <= 18, let magnitude = value(of: digits) else { return .failure(.overflow) }
        var result = Quantity(mantissa: magnitude, scale: Int32(clamping: exponent), format: .binarySI)
        for _ in 0..<suffix.exponent2 {
            let doubled = result.multipliedReportingOverflow(by: 2)
            if doubled.overflow {
                result = Quantity(mantissa: Int64.max, format: .binarySI)
                break
            }
            result = doubled.partialValue
        }
        result.format = .binarySI
        result.roundUpToNano()
        if negative { result.mantissa = -result.mantissa }
        return .success(result)
    }

    /// Rounds a positive digit string up (away from zero) so that the exponent is at least -9.
    private static func roundToNano(_ digits: inout [UInt8], _ exponent: inout Int) {
        guard exponent < -9 else { return }
        let drop = -9 - exponent
        exponent = -9
        if drop >= digits.count {
            digits = [1]
            return
        }
        digits.removeLast(drop)
        // The dropped digits end in a non-zero digit (trailing zeros were folded), so round up.
        var position = digits.count - 1
        while position >= 0 {
            if digits[position] < 9 {
                digits[position] += 1
                break
            }
            digits[position] = 0
            position -= 1
        }
        if position < 0 { digits.insert(1, at: 0) }
    }

    /// Rounds `self` up (away from zero) to a multiple of 10^-9.
    mutating func roundUpToNano() {
        guard scale < -9 else { return }
        let rounded = Quantity.divideAwayFromZero(mantissa, by: Int(-9 - scale))
        self = Quantity(mantissa: rounded, scale: -9, format: format)
    }

    private static func value(of digits: [UInt8]) -> Int64? {
        var result: Int64 = 0
        for digit in digits {
            let (times, overflow1) = result.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(digit))
            if overflow1 || overflow2 { return nil }
            result = sum
        }
        return result
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isSuffixLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "u"),
            UInt8(ascii: "m"), UInt8(ascii: "k"), UInt8(ascii: "K"), UInt8(ascii: "M"), UInt8(ascii: "G"),
            UInt8(ascii: "T"), UInt8(ascii: "P"):
            return true
        default:
            return false
        }
    }
}
