/// Byte-level checks of the string formats the API server enforces while decoding.
enum ScalarFormats {
    /// Whether a string parses as a `resource.Quantity` (k8s.io/apimachinery/pkg/api/resource, `ParseQuantity`):
    /// an optional sign, digits with at most one point, then nothing, a binary suffix (Ki…Ei), a decimal suffix
    /// (n, u, m, k, M, G, T, P, E) or a decimal exponent (`e3`, `E-2`).
    static func isQuantity(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            var digits = 0
            var points = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                    digits += 1
                } else if byte == UInt8(ascii: ".") {
                    points += 1
                } else {
                    break
                }
                index += 1
            }
            guard digits > 0, points <= 1 else { return false }
            let suffix = Array(bytes[index...])
            return isQuantitySuffix(suffix)
        }
    }

    private static func isQuantitySuffix(_ suffix: [UInt8]) -> Bool {
        switch String(decoding: suffix, as: UTF8.self) {
        case "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M", "G", "T", "P", "E": return true
        default: break
        }
        guard let first = suffix.first, first == UInt8(ascii: "e") || first == UInt8(ascii: "E") else { return false }
        var index = 1
        if index < suffix.count, suffix[index] == UInt8(ascii: "+") || suffix[index] == UInt8(ascii: "-") { index += 1 }
        guard index < suffix.count else { return false }
        return suffix[index...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// The offset of the first byte Go's `base64.StdEncoding` rejects, or nil when the text decodes.
    ///
    /// Go reports it as `illegal base64 data at input byte N`. Line breaks are skipped, as Go's decoder does.
    static func base64ErrorOffset(_ text: String) -> Int? {
        var count = 0
        var padding = 0
        var offset = 0
        for byte in text.utf8 {
            defer { offset += 1 }
            switch byte {
            case 0x0A, 0x0D:
                continue
            case UInt8(ascii: "="):
                padding += 1
                guard padding <= 2 else { return offset }
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                guard padding == 0 else { return offset }
            default:
                return offset
            }
            count += 1
        }
        return count % 4 == 0 ? nil : offset
    }
}
