extension Quantity {
    /// A parsed quantity suffix: the powers of ten and two it stands for, and the format it implies.
    struct Suffix {
        var exponent10: Int32
        var exponent2: Int
        var format: Format

        /// Reads a suffix as apimachinery's `suffixHandler.interpret` does: decimal SI first (so `E` is exa),
        /// then binary SI, then `e`/`E` with a signed integer exponent.
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            switch bytes.count {
            case 0:
                self.init(exponent10: 0, exponent2: 0, format: .decimalSI)
                return
            case 1:
                let decimal: Int32? =
                    switch bytes[0] {
                    case UInt8(ascii: "n"): -9
                    case UInt8(ascii: "u"): -6
                    case UInt8(ascii: "m"): -3
                    case UInt8(ascii: "k"): 3
                    case UInt8(ascii: "M"): 6
                    case UInt8(ascii: "G"): 9
                    case UInt8(ascii: "T"): 12
                    case UInt8(ascii: "P"): 15
                    case UInt8(ascii: "E"): 18
                    default: nil
                    }
                guard let decimal else { return nil }
                self.init(exponent10: decimal, exponent2: 0, format: .decimalSI)
                return
            case 2 where bytes[1] == UInt8(ascii: "i"):
                let binary: Int? =
                    switch bytes[0] {
                    case UInt8(ascii: "K"): 10
                    case UInt8(ascii: "M"): 20
                    case UInt8(ascii: "G"): 30
                    case UInt8(ascii: "T"): 40
                    case UInt8(ascii: "P"): 50
                    case UInt8(ascii: "E"): 60
                    default: nil
                    }
                guard let binary else { return nil }
                self.init(exponent10: 0, exponent2: binary, format: .binarySI)
                return
            default:
                break
            }
            guard bytes[0] == UInt8(ascii: "e") || bytes[0] == UInt8(ascii: "E") else { return nil }
            var index = 1
            var negative = false
            if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                negative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard index < bytes.count else { return nil }
            var value: Int32 = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), value < 100_000 else { return nil }
                value = value * 10 + Int32(byte - UInt8(ascii: "0"))
                index += 1
            }
            self.init(exponent10: negative ? -value : value, exponent2: 0, format: .decimalExponent)
        }

        init(exponent10: Int32, exponent2: Int, format: Format) {
            self.exponent10 = exponent10
            self.exponent2 = exponent2
            self.format = format
        }
    }
}
