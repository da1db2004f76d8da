/// A field that holds an integer or a string: a port number or a port name, a count or a percentage.
///
/// Kubernetes' `intstr.IntOrString`. YAML `8080` is `.int`, `"8080"` and `http` are `.string`.
package enum IntOrString: Hashable, Sendable, CustomStringConvertible {
    case int(Int)
    case string(String)

    /// The integer, when this is one.
    package var intValue: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The string, when this is one.
    package var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The value as written.
    package var description: String {
        switch self {
        case .int(let value): String(value)
        case .string(let value): value
        }
    }

    /// The percentage of a `"25%"` string, nil for anything else.
    package var percentage: Int? {
        guard case .string(let text) = self, text.hasSuffix("%") else { return nil }
        return Int(text.dropLast())
    }

    /// Resolves an absolute value or a percentage of `total`: `intstr.GetScaledValueFromIntOrPercent`.
    ///
    /// A percentage is rounded up or down as asked (`maxSurge` rounds up, `maxUnavailable` down); nil when
    /// the value is a string that is not a percentage.
    package func scaledValue(total: Int, roundUp: Bool) -> Int? {
        switch self {
        case .int(let value):
            return value
        case .string:
            guard let percent = percentage else { return nil }
            let product = percent * total
            if roundUp { return product >= 0 ? (product + 99) / 100 : product / 100 }
            return product >= 0 ? product / 100 : (product - 99) / 100
        }
    }
}
