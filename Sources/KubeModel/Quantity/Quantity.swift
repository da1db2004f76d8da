/// A Kubernetes resource quantity (`500m`, `1Gi`, `0.5`, `1e3`), held exactly.
///
/// The value is `mantissa × 10^scale` with a 64-bit mantissa kept normalised (no trailing zero digits; zero
/// has scale 0), so `0.5`, `500m` and `5e-1` are the same value and equality is structural. Binary suffixes are
/// exact too: `1.5Gi` is the integer 1610612736. Like `k8s.io/apimachinery/pkg/api/resource`, values finer than
/// a nano are rounded up (away from zero) to `1n`, binary values above `Int64.max` are capped there, and the
/// quantity remembers the `format` it was written in, which decides its canonical text (`1536Mi`, `500m`,
/// `1e3`). Unlike apimachinery (which falls back to arbitrary precision), a decimal value with more than 18
/// significant digits is a parse error, reported rather than approximated.
package struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// How a quantity is written back out; apimachinery's `resource.Format`.
    package enum Format: Sendable, Hashable {
        /// `DecimalSI`: no suffix or one of `n u m k M G T P E`.
        case decimalSI
        /// `BinarySI`: `Ki Mi Gi Ti Pi Ei`.
        case binarySI
        /// `DecimalExponent`: `e3`, `E-3`.
        case decimalExponent
    }

    /// The significant digits, with no trailing zeros (0 for zero).
    package internal(set) var mantissa: Int64
    /// The power of ten the mantissa is multiplied by.
    package internal(set) var scale: Int32
    /// The notation used by `description`; not part of equality.
    package var format: Format

    /// `mantissa × 10^scale`, normalised.
    package init(mantissa: Int64, scale: Int32 = 0, format: Format = .decimalSI) {
        var mantissa = mantissa
        var scale = scale
        if mantissa == 0 {
            scale = 0
        } else {
            while mantissa % 10 == 0 {
                mantissa /= 10
                scale += 1
            }
        }
        self.mantissa = mantissa
        self.scale = scale
        self.format = format
    }

    /// A whole number of units (`Quantity(4)` CPUs, `Quantity(110)` pods).
    package init(_ value: Int64, format: Format = .decimalSI) {
        self.init(mantissa: value, scale: 0, format: format)
    }

    /// A number of thousandths (`Quantity(milli: 500)` is `500m`).
    package init(milli: Int64) {
        self.init(mantissa: milli, scale: -3, format: .decimalSI)
    }

    /// Parses quantity text; nil when malformed (use `parse` for the reason).
    package init?(_ text: String) {
        guard case .success(let quantity) = Quantity.parse(text) else { return nil }
        self = quantity
    }

    /// Zero, written `0`.
    package static let zero = Quantity(mantissa: 0)

    /// True for zero.
    package var isZero: Bool { mantissa == 0 }

    /// -1, 0 or 1.
    package var signum: Int { mantissa == 0 ? 0 : (mantissa < 0 ? -1 : 1) }

    /// The canonical text, as `kubectl get -o yaml` shows it after the API server has stored the value.
    package var description: String { canonicalText }

    package static func == (lhs: Quantity, rhs: Quantity) -> Bool {
        lhs.mantissa == rhs.mantissa && lhs.scale == rhs.scale
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(mantissa)
        hasher.combine(scale)
    }

    package static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.compare(rhs) < 0 }

    /// -1, 0 or 1 as `self` is less than, equal to or greater than `other`; exact for any two values.
    package func compare(_ other: Quantity) -> Int {
        if signum != other.signum { return signum < other.signum ? -1 : 1 }
        if signum == 0 { return 0 }
        let magnitude = Self.compareMagnitudes(mantissa.magnitude, scale, other.mantissa.magnitude, other.scale)
        return signum > 0 ? magnitude : -magnitude
    }

    /// Compares `a × 10^sa` with `b × 10^sb` for non-zero magnitudes without overflow: first by order of
    /// magnitude, then (orders equal, so the scaled value has at most 19 digits) exactly.
    private static func compareMagnitudes(_ a: UInt64, _ sa: Int32, _ b: UInt64, _ sb: Int32) -> Int {
        let orderA = Int(decimalDigits(a)) + Int(sa)
        let orderB = Int(decimalDigits(b)) + Int(sb)
        if orderA != orderB { return orderA < orderB ? -1 : 1 }
        var a = a
        var b = b
        if sa > sb {
            for _ in 0..<(sa - sb) { a &*= 10 }
        } else if sb > sa {
            for _ in 0..<(sb - sa) { b &*= 10 }
        }
        return a == b ? 0 : (a < b ? -1 : 1)
    }

    /// The number of decimal digits of a magnitude (1 for 0).
    static func decimalDigits(_ value: UInt64) -> Int32 {
        var count: Int32 = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }
}
