import KubeYAML

/// A JSON document under construction, written with sorted keys so output is byte-stable.
package indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number already in JSON form (`3`, `-1.5`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// An integer as a JSON number.
    package static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// The value as JSON text: compact, or indented by two spaces per level when `pretty`.
    package func serialized(pretty: Bool = true) -> String {
        var text = ""
        write(into: &text, pretty: pretty, indent: 0)
        return text
    }

    private func write(into text: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .number(let value): text += value
        case .string(let value): text += DiffValue.quoted(value)
        case .array(let items):
            guard !items.isEmpty else { text += "[]"; return }
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                newline(&text, pretty: pretty, indent: indent + 1)
                item.write(into: &text, pretty: pretty, indent: indent + 1)
            }
            newline(&text, pretty: pretty, indent: indent)
            text += "]"
        case .object(let members):
            guard !members.isEmpty else { text += "{}"; return }
            text += "{"
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (index, key) in keys.enumerated() {
                if index > 0 { text += "," }
                newline(&text, pretty: pretty, indent: indent + 1)
                text += DiffValue.quoted(key) + (pretty ? ": " : ":")
                members[key, default: .null].write(into: &text, pretty: pretty, indent: indent + 1)
            }
            newline(&text, pretty: pretty, indent: indent)
            text += "}"
        }
    }

    private func newline(_ text: inout String, pretty: Bool, indent: Int) {
        guard pretty else { return }
        text += "\n" + String(repeating: "  ", count: indent)
    }
}

extension DiffValue {
    /// The value as JSON: integers and floats as numbers (resolved, so `0x10` is 16), booleans as booleans;
    /// values JSON cannot hold (`.inf`, `.nan`, integers past 64 bits) as their text.
    package var json: JSONValue {
        switch self {
        case .null:
            return .null
        case .scalar(let text, let type):
            switch type {
            case .null: return .null
            case .string: return .string(text)
            case .bool: return ScalarResolver.boolValue(text).map(JSONValue.bool) ?? .string(text)
            case .int: return ScalarResolver.intValue(text).map { .number(String($0)) } ?? .string(text)
            case .float:
                guard let value = ScalarResolver.doubleValue(text), value.isFinite else { return .string(text) }
                return .number(value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value))
            }
        case .list(let items):
            return .array(items.map(\.json))
        case .map(let pairs):
            var members: [String: JSONValue] = [:]
            for pair in pairs { members[pair.key] = pair.value.json }
            return .object(members)
        }
    }
}
