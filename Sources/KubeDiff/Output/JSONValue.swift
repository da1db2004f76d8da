import KubeYAML

/// A JSON document under construction, keyed by dictionaries and written with sorted keys so output is
/// byte-stable; rendering is KubeYAML's `JSONValue` (one JSON writer for every command).
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
        ordered.rendered(pretty: pretty)
    }

    /// The same document with object keys in byte order.
    private var ordered: KubeYAML.JSONValue {
        switch self {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .number(let text):
            if let value = Int(text) { return .int(value) }
            return Double(text).map(KubeYAML.JSONValue.double) ?? .string(text)
        case .string(let value): return .string(value)
        case .array(let items): return .array(items.map(\.ordered))
        case .object(let members):
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            return .object(keys.map { ($0, members[$0, default: .null].ordered) })
        }
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
