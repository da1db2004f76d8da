import KubeModel

/// The API server's field errors (`k8s.io/apimachinery/pkg/util/validation/field`), so findings read as
/// `kubectl apply` would print them: `<path>: <Type>[: <value>][: <detail>]`.
///
/// Values print as Go's `%q` for strings and bare for numbers, as `field.Error.Error()` does.
package enum FieldError: Sendable {
    case invalid(FieldValue, String)
    case required(String)
    case unsupported(FieldValue, [String])
    case forbidden(String)
    case duplicate(FieldValue)
    case notFound(FieldValue, String)
    case tooLong(String)
    case tooMany(String)

    /// The rendered error for a field path.
    package func message(path: String) -> String {
        let prefix = path.isEmpty ? "" : path + ": "
        switch self {
        case .invalid(let value, let detail): return prefix + "Invalid value: \(value.rendered)" + suffix(detail)
        case .required(let detail): return prefix + "Required value" + suffix(detail)
        case .unsupported(let value, let supported):
            let list = supported.map { FieldValue.string($0).rendered }.joined(separator: ", ")
            return prefix + "Unsupported value: \(value.rendered)" + (supported.isEmpty ? "" : ": supported values: \(list)")
        case .forbidden(let detail): return prefix + "Forbidden" + suffix(detail)
        case .duplicate(let value): return prefix + "Duplicate value: \(value.rendered)"
        case .notFound(let value, let detail): return prefix + "Not found: \(value.rendered)" + suffix(detail)
        case .tooLong(let detail): return prefix + "Too long" + suffix(detail)
        case .tooMany(let detail): return prefix + "Too many" + suffix(detail)
        }
    }

    private func suffix(_ detail: String) -> String { detail.isEmpty ? "" : ": " + detail }
}

/// A value printed inside a field error.
package enum FieldValue: Sendable {
    case string(String)
    case int(Int)
    /// Printed as given (JSON for objects: `{"app":"web"}`).
    case raw(String)

    /// Go's `%q` for strings, decimal for numbers.
    package var rendered: String {
        switch self {
        case .string(let text): return Self.quote(text)
        case .int(let value): return String(value)
        case .raw(let text): return text
        }
    }

    /// A Go-style double-quoted string literal (`GoQuote`, shared with the cron parser's messages).
    package static func quote(_ text: String) -> String { GoQuote.quote(text) }

    /// A string map as the API prints it in errors (JSON, keys sorted): `{"app":"web"}`.
    package static func map(_ values: [String: String]) -> FieldValue {
        let body = values.keys.sorted().map { "\(quote($0)):\(quote(values[$0] ?? ""))" }.joined(separator: ",")
        return .raw("{" + body + "}")
    }
}
