/// The JSON types a schema allows, as a bit set (the compact schema files use the same bits).
package struct JSONTypes: OptionSet, Sendable, Hashable {
    /// The bits.
    package let rawValue: UInt8
    /// A set from its bits.
    package init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A mapping.
    package static let object = JSONTypes(rawValue: 1)
    /// A sequence.
    package static let array = JSONTypes(rawValue: 2)
    /// A string scalar (quoted, or plain text YAML does not type).
    package static let string = JSONTypes(rawValue: 4)
    /// An integer scalar.
    package static let integer = JSONTypes(rawValue: 8)
    /// Any number (integers included).
    package static let number = JSONTypes(rawValue: 16)
    /// A boolean (`true`, and YAML 1.1's `yes`, `on`…).
    package static let boolean = JSONTypes(rawValue: 32)
    /// `null`, `~` or an empty value.
    package static let null = JSONTypes(rawValue: 64)

    /// The JSON-schema words, for messages: `"integer"` or `"string" or "integer"`.
    package var names: String {
        let words: [(JSONTypes, String)] = [
            (.object, "object"), (.array, "array"), (.string, "string"), (.integer, "integer"),
            (.number, "number"), (.boolean, "boolean"),
        ]
        let present = words.filter { contains($0.0) }.map { "\"\($0.1)\"" }
        return present.isEmpty ? "\"null\"" : present.joined(separator: " or ")
    }

    /// The bit of a JSON-schema type word, nil for an unknown word.
    package init?(word: String) {
        switch word {
        case "object": self = .object
        case "array": self = .array
        case "string": self = .string
        case "integer": self = .integer
        case "number": self = .number
        case "boolean": self = .boolean
        case "null": self = .null
        default: return nil
        }
    }
}

/// A format the validator checks beyond the JSON type.
package enum SchemaFormat: UInt8, Sendable {
    case none
    /// `IntOrString` / `x-kubernetes-int-or-string`: an integer or a string, nothing else.
    case intOrString
    /// `resource.Quantity`: a number, or a string in the Quantity grammar (`500m`, `1Gi`, `1e3`).
    case quantity
    /// `[]byte` fields (Secret `data`): standard base64, as Go's encoding/json decodes them.
    case byte

    init(word: String?) {
        switch word {
        case "int-or-string": self = .intOrString
        case "quantity": self = .quantity
        case "byte": self = .byte
        default: self = .none
        }
    }
}

/// What a mapping may hold beyond its declared properties.
package enum AdditionalProperties: Sendable, Equatable {
    /// Anything (no `additionalProperties`, or `true`).
    case allowed
    /// Nothing: an unknown key is a `schema-unknown-field` finding.
    case forbidden
    /// Every other key's value follows this node (maps such as `labels`).
    case schema(Int32)
}

/// One compiled schema: the validator's view of a JSON-schema object, references already resolved to indices
/// into the owning `SchemaTable`.
package struct SchemaNode: Sendable {
    /// The definition name (`io.k8s.api.core.v1.Container`) when the node is a named definition; used in messages.
    package var name: String?
    /// Empty means any type.
    package var types: JSONTypes = []
    /// A format checked beyond the type.
    package var format: SchemaFormat = .none
    /// Property name → node index, as declared (the validator looks keys up in `fields`).
    package var properties: [String: Int32] = [:]
    /// Fields that must be present, in schema order.
    package var required: [String] = []
    /// Allowed values, compared by `JSONValue.enumText`; nil when unconstrained.
    package var enumValues: Set<String>?
    /// The allowed values in schema order, for messages.
    package var enumList: [String] = []
    /// What keys beyond `properties` may hold.
    package var additional: AdditionalProperties = .allowed
    /// The node of every item of an array, or -1.
    package var items: Int32 = -1
    /// `x-kubernetes-preserve-unknown-fields`: keys not in `properties` are kept, not rejected.
    package var preservesUnknownFields = false
    /// `x-kubernetes-embedded-resource`: `apiVersion`, `kind` and `metadata` are implied.
    package var isEmbeddedResource = false
    /// `minimum`/`maximum`, `minLength`/`maxLength`, `minItems`/`maxItems` (CRD schemas use them).
    package var bounds: SchemaBounds?

    /// The lookup form of `properties` and `required`, built by `indexFields()` when the node enters a table:
    /// one hash lookup per key answers both "which schema" and "which required bit".
    package private(set) var fields: [String: SchemaField] = [:]
    /// The bits of every required field that is also a declared property.
    package private(set) var requiredMask: UInt64 = 0
    /// Required fields beyond the first 64 or not declared as properties: checked by a key search.
    package private(set) var unindexedRequired: [String] = []
    /// `fields` keyed by the name's bytes, for lookups straight from the YAML arena.
    package private(set) var keyTable = FieldKeyTable()

    /// A node that accepts anything.
    package init() {}

    /// Builds `fields`, `requiredMask` and `unindexedRequired` from `properties` and `required`.
    package mutating func indexFields() {
        fields = properties.mapValues { SchemaField(node: $0, requiredBit: 0) }
        requiredMask = 0
        unindexedRequired = []
        for (offset, name) in required.enumerated() {
            if offset < 64, fields[name] != nil, requiredMask & (1 << UInt64(offset)) == 0 {
                fields[name]?.requiredBit = 1 << UInt64(offset)
                requiredMask |= 1 << UInt64(offset)
            } else {
                unindexedRequired.append(name)
            }
        }
        keyTable = FieldKeyTable(fields)
    }
}

/// A declared property as the validator looks it up: its schema and its bit in the required mask (0 if optional).
package struct SchemaField: Sendable {
    /// The property's schema.
    package var node: Int32
    /// Its bit in `requiredMask`, or 0 when optional.
    package var requiredBit: UInt64
}

/// Value bounds that CRD schemas commonly declare; checked only when present.
package struct SchemaBounds: Sendable, Equatable {
    /// Smallest number allowed.
    package var minimum: Double?
    /// Largest number allowed.
    package var maximum: Double?
    /// Fewest characters in a string.
    package var minLength: Int?
    /// Most characters in a string.
    package var maxLength: Int?
    /// Fewest items in an array.
    package var minItems: Int?
    /// Most items in an array.
    package var maxItems: Int?

    /// A node that accepts anything.
    package init() {}

    /// True when no bound is set.
    package var isEmpty: Bool {
        minimum == nil && maximum == nil && minLength == nil && maxLength == nil && minItems == nil && maxItems == nil
    }
}
