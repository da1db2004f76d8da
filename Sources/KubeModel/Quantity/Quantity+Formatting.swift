/// Canonical text, as apimachinery's `Quantity.String()` (`CanonicalizeBytes`) writes it.
///
/// BinarySI values that are whole and at least 1024 in magnitude use the largest binary suffix that divides
/// them (`1536Mi`, `1Gi`); others fall back to DecimalSI. DecimalSI and DecimalExponent values move their
/// exponent down to a multiple of three (`500m`, `1k`, `1e3`, `1500e3`).
extension Quantity {
    /// The canonical text.
    package var canonicalText: String {
        if isZero { return "0" }
        var format = self.format
        if format == .binarySI {
            if let whole = scaledInteger(atScale: 0), whole > -1024, whole < 1024 {
                format = .decimalSI
            } else if let whole = scaledInteger(atScale: 0) {
                return Self.binaryText(whole)
            } else {
                format = .decimalSI
            }
        }
        var exponent = Int(scale)
        var zeros = 0
        switch ((exponent % 3) + 3) % 3 {
        case 1:
            zeros = 1
        case 2:
            zeros = 2
        default:
            break
        }
        exponent -= zeros
        var text = String(mantissa)
        if zeros > 0 { text += String(repeating: "0", count: zeros) }
        return text + Self.decimalSuffix(exponent, format)
    }

    private static func binaryText(_ whole: Int64) -> String {
        var amount = whole
        var power = 0
        while power < 6, amount % 1024 == 0 {
            amount /= 1024
            power += 1
        }
        let suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
        return String(amount) + suffixes[power]
    }

    private static func decimalSuffix(_ exponent: Int, _ format: Format) -> String {
        if format == .decimalSI {
            switch exponent {
            case -9: return "n"
            case -6: return "u"
            case -3: return "m"
            case 0: return ""
            case 3: return "k"
            case 6: return "M"
            case 9: return "G"
            case 12: return "T"
            case 15: return "P"
            case 18: return "E"
            default: break
            }
        }
        return exponent == 0 ? "" : "e\(exponent)"
    }
}
