import KubeYAML

/// A value as a diff report shows it: a resolved scalar or a whole subtree, detached from the YAML tree.
///
/// Only changed values are copied out of the input, so this is per-change, not per-node, work. Scalars keep
/// their text as written and their resolved type, so `80` and `"80"` stay distinguishable.
package indirect enum DiffValue: Hashable, Sendable {
    case null
    /// A non-null scalar: its text as written (after unescaping) and the type YAML gave it.
    case scalar(text: String, type: ScalarType)
    case list([DiffValue])
    /// A mapping's pairs in source order.
    case map([Pair])

    /// One key and value of a mapping.
    package struct Pair: Hashable, Sendable {
        package var key: String
        package var value: DiffValue
    }

    /// Copies a node and everything under it.
    package init(_ node: YAMLNode) {
        switch node.kind {
        case .scalar:
            if node.isNull {
                self = .null
            } else {
                self = .scalar(text: node.text ?? "", type: node.scalarType ?? .string)
            }
        case .sequence:
            self = .list(node.items.map(DiffValue.init))
        case .mapping:
            self = .map(node.pairs.map { Pair(key: $0.key.text ?? "", value: DiffValue($0.value)) })
        }
    }

    /// The JSON-schema word for the value's type: `string`, `integer`, `number`, `boolean`, `null`, `array`, `object`.
    package var typeName: String {
        switch self {
        case .null: "null"
        case .scalar(_, let type): type.name
        case .list: "array"
        case .map: "object"
        }
    }

    /// A one-line rendering for text reports: strings quoted, collections in flow style, cut at `limit`
    /// characters with `…`.
    package func inline(limit: Int = 80) -> String {
        var text = ""
        render(into: &text, limit: limit)
        if text.count > limit { return String(text.prefix(limit - 1)) + "…" }
        return text
    }

    private func render(into text: inout String, limit: Int) {
        if text.count > limit { return }
        switch self {
        case .null:
            text += "null"
        case .scalar(let value, let type):
            text += type == .string ? Self.quoted(value) : value
        case .list(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += ", " }
                item.render(into: &text, limit: limit)
                if text.count > limit { return }
            }
            text += "]"
        case .map(let pairs):
            text += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { text += ", " }
                text += pair.key + ": "
                pair.value.render(into: &text, limit: limit)
                if text.count > limit { return }
            }
            text += "}"
        }
    }

    /// A string in double quotes with JSON escapes, as reports print string values.
    static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
