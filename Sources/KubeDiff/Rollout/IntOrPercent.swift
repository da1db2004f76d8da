import KubeYAML

/// A rolling-update bound as written: an absolute count or a percentage of the replicas (`IntOrString`).
package enum IntOrPercent: Hashable, Sendable, CustomStringConvertible {
    case count(Int)
    case percent(Int)

    /// Reads an integer (`1`) or a percent string (`25%`).
    ///
    /// Fails, with the API server's reason, for a string that is not `<digits>%` (a quoted `"1"` included)
    /// (`a valid percent string must be a numeric string followed by an ending '%'`) or a negative count.
    package static func read(_ node: YAMLNode) -> Result<IntOrPercent, InvalidValue> {
        if let value = node.int {
            guard value >= 0, value <= Int64(Int32.max) else {
                return .failure(InvalidValue(text: node.text ?? "", reason: "must be greater than or equal to 0"))
            }
            return .success(.count(Int(value)))
        }
        let text = node.text ?? ""
        if node.scalarType == .string, text.hasSuffix("%") {
            let digits = text.dropLast()
            if !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let value = Int(digits) {
                return .success(.percent(value))
            }
        }
        return .failure(
            InvalidValue(
                text: text, reason: "a valid percent string must be a numeric string followed by an ending '%'"))
    }

    /// Why a value could not be used, in the API server's words.
    package struct InvalidValue: Error, Hashable, Sendable {
        package var text: String
        package var reason: String
    }

    /// The count for `total` replicas: percentages scale and round up or down
    /// (apimachinery `GetScaledValueFromIntOrPercent`).
    package func scaled(_ total: Int, roundUp: Bool) -> Int {
        switch self {
        case .count(let value): return value
        case .percent(let value):
            let product = value * total
            return roundUp ? (product + 99) / 100 : product / 100
        }
    }

    /// Zero whatever the total: `0` or `0%` (validation refuses both bounds zero on this test).
    package var isZero: Bool {
        switch self {
        case .count(let value), .percent(let value): value == 0
        }
    }

    /// As written in a manifest: `1` or `25%`.
    package var description: String {
        switch self {
        case .count(let value): "\(value)"
        case .percent(let value): "\(value)%"
        }
    }
}
