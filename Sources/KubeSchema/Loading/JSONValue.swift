/// A parsed JSON value: what schema files (bundled, `--schema-location`) and CRD schemas are read into before
/// they are compiled.
///
/// Object members keep their source order; the compilers sort where order could leak into output.
package indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number with its text as written, so integers stay exact.
    case number(Double, text: String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// Structural equality; numbers compare by value, object members in order.
    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a, _), .number(let b, _)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// The member of an object (the last one when repeated); nil for other values.
    package subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    /// The string, for a string value.
    package var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The boolean, for a boolean value.
    package var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The integer, for a number with no fraction.
    package var int: Int? {
        if case .number(let value, _) = self, value.rounded() == value, abs(value) < 1e15 { return Int(value) }
        return nil
    }

    /// The items, for an array.
    package var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members in source order, for an object.
    package var members: [(key: String, value: JSONValue)]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The value as enum sets compare it: strings as themselves, everything else as its JSON text.
    package var enumText: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(_, let text): text
        case .string(let value): value
        case .array, .object: ""
        }
    }
}
