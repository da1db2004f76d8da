/// Go's `time.ParseDuration`, for `@every`: a sequence of decimal numbers with units ns, us, µs, ms, s, m, h.
enum GoDuration {
    private static let units: [(String, Double)] = [
        ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("μs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
    ]

    /// Nil when Go parses the duration; Go's error text otherwise.
    static func parseError(_ text: String) -> String? {
        let quoted = GoQuote.quote(text)
        var rest = Substring(text)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        if rest == "0" { return nil }
        if rest.isEmpty { return "time: invalid duration \(quoted)" }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            if number.isEmpty || number == "." { return "time: invalid duration \(quoted)" }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            if unit.isEmpty { return "time: missing unit in duration \(quoted)" }
            guard units.contains(where: { $0.0 == String(unit) }) else {
                return "time: unknown unit \(GoQuote.quote(String(unit))) in duration \(quoted)"
            }
            rest = rest.dropFirst(unit.count)
        }
        return nil
    }

    /// The duration in whole seconds (negative and sub-second durations give 0), when it parses.
    static func seconds(_ text: String) -> Int64? {
        guard parseError(text) == nil else { return nil }
        var rest = Substring(text)
        var sign = 1.0
        if rest.first == "+" || rest.first == "-" {
            sign = rest.first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        var total = 0.0
        while !rest.isEmpty {
            let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            rest = rest.dropFirst(number.count)
            let unit = rest.prefix { !($0.isASCII && ($0.isNumber || $0 == ".")) }
            rest = rest.dropFirst(unit.count)
            total += (Double(number) ?? 0) * (units.first { $0.0 == String(unit) }?.1 ?? 0)
        }
        return Int64(max(0, sign * total))
    }
}

/// Go's `%q` for the texts API-server and robfig messages quote.
package enum GoQuote {
    /// `text` as a Go double-quoted literal: quotes, backslashes and control characters escaped.
    package static func quote(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\t": output += "\\t"
            case "\r": output += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output + "\""
    }
}
