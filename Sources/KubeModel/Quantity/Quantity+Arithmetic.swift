/// Exact arithmetic. The `…ReportingOverflow` forms say when a result does not fit (a 64-bit mantissa); the
/// operators saturate at ±Int64.max units instead, which is what a resource sum wants (a node never has that
/// much). The result keeps the left operand's format, or the right one's when the left is zero (apimachinery).
extension Quantity {
    /// `self + other`, exactly, with an overflow flag.
    package func addingReportingOverflow(_ other: Quantity) -> (partialValue: Quantity, overflow: Bool) {
        let format = isZero ? other.format : self.format
        if other.isZero { return (Quantity(mantissa: mantissa, scale: scale, format: format), false) }
        if isZero { return (Quantity(mantissa: other.mantissa, scale: other.scale, format: format), false) }
        let common = min(scale, other.scale)
        guard let left = Self.rescale(mantissa, from: scale, to: common),
            let right = Self.rescale(other.mantissa, from: other.scale, to: common)
        else { return (Self.saturated(signum + other.signum, format), true) }
        let (sum, overflow) = left.addingReportingOverflow(right)
        if overflow { return (Self.saturated(signum, format), true) }
        return (Quantity(mantissa: sum, scale: common, format: format), false)
    }

    /// `self - other`, exactly, with an overflow flag.
    package func subtractingReportingOverflow(_ other: Quantity) -> (partialValue: Quantity, overflow: Bool) {
        var negated = other
        negated.mantissa = -other.mantissa
        return addingReportingOverflow(negated)
    }

    /// `self × factor`, exactly, with an overflow flag.
    package func multipliedReportingOverflow(by factor: Int64) -> (partialValue: Quantity, overflow: Bool) {
        let (product, overflow) = mantissa.multipliedReportingOverflow(by: factor)
        if overflow {
            return (Self.saturated((signum < 0) != (factor < 0) ? -1 : 1, format), true)
        }
        return (Quantity(mantissa: product, scale: scale, format: format), false)
    }

    /// Saturating sum.
    package static func + (lhs: Quantity, rhs: Quantity) -> Quantity { lhs.addingReportingOverflow(rhs).partialValue }
    /// Saturating difference.
    package static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
        lhs.subtractingReportingOverflow(rhs).partialValue
    }
    /// Saturating product with an integer.
    package static func * (lhs: Quantity, rhs: Int64) -> Quantity {
        lhs.multipliedReportingOverflow(by: rhs).partialValue
    }
    /// Saturating in-place sum.
    package static func += (lhs: inout Quantity, rhs: Quantity) { lhs = lhs + rhs }
    /// Saturating in-place difference.
    package static func -= (lhs: inout Quantity, rhs: Quantity) { lhs = lhs - rhs }

    /// The value in thousandths, rounded up (away from zero): what kube-scheduler compares CPU in.
    ///
    /// Saturates at ±Int64.max.
    package var milliValue: Int64 { scaledValue(-3) }

    /// The value in whole units, rounded up (away from zero): bytes for memory, a count for pods.
    ///
    /// Saturates at ±Int64.max.
    package var value: Int64 { scaledValue(0) }

    /// `ceil(self / 10^scale)` away from zero, saturating: apimachinery's `ScaledValue`.
    package func scaledValue(_ target: Int32) -> Int64 {
        if let exact = scaledInteger(atScale: target) { return exact }
        if Int(scale) - Int(target) > 0 { return signum < 0 ? -Int64.max : Int64.max }
        return Self.divideAwayFromZero(mantissa, by: Int(target) - Int(scale))
    }

    /// The exact integer `self / 10^target` when it is one and fits; nil otherwise.
    package func scaledInteger(atScale target: Int32) -> Int64? {
        let difference = Int(scale) - Int(target)
        if difference >= 0 { return Self.rescale(mantissa, from: scale, to: target) }
        return nil
    }

    /// `value / 10^digits` rounded away from zero.
    static func divideAwayFromZero(_ value: Int64, by digits: Int) -> Int64 {
        var result = value
        var fraction = false
        for _ in 0..<digits {
            if result % 10 != 0 { fraction = true }
            result /= 10
            if result == 0 { break }
        }
        if fraction { result += value > 0 ? 1 : -1 }
        return result
    }

    /// `mantissa × 10^(from - to)` for `from >= to`, nil on overflow.
    static func rescale(_ mantissa: Int64, from: Int32, to: Int32) -> Int64? {
        var result = mantissa
        var steps = Int(from) - Int(to)
        while steps > 0 {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            result = next
            steps -= 1
        }
        return result
    }

    private static func saturated(_ sign: Int, _ format: Format) -> Quantity {
        Quantity(mantissa: sign < 0 ? -Int64.max : Int64.max, scale: 0, format: format)
    }
}
