/// Numbers written into a report's bytes without making a `String` for each.
enum DecimalBytes {
    /// `number` in decimal, exactly as `String(number)` writes it.
    static func append(_ number: Int32, to output: inout [UInt8]) {
        guard number >= 0, number < 100_000 else {
            output += String(number).utf8
            return
        }
        var value = Int(number)
        var divisor = 1
        while divisor * 10 <= value { divisor *= 10 }
        while divisor > 0 {
            output.append(UInt8(ascii: "0") + UInt8(value / divisor))
            value %= divisor
            divisor /= 10
        }
    }
}
