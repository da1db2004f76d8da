/// Compiles a standard JSON schema (a CRD's `openAPIV3Schema`, or a `--schema-location` file) into nodes of a
/// `SchemaTable`, resolving `$ref`s to named definitions once each.
///
/// Two dialects, which differ only in what an object with no `additionalProperties` accepts:
/// - `.structural` (CRDs): the API server prunes every field the schema does not declare, and strict field
///   validation reports it, so undeclared keys are unknown fields unless `x-kubernetes-preserve-unknown-fields`
///   says otherwise; `null` is accepted everywhere (the API server prunes nulls of non-nullable fields).
/// - `.jsonSchema` (schema files): an object with `properties` is closed, one without is open. Plain JSON Schema
///   would leave both open, which is why kubeconform's strict mode misses typos in CRs (yannh/kubeconform#171).
package struct JSONSchemaCompiler {
    /// Which rules apply to undeclared keys and nulls.
    package enum Dialect: Sendable {
        case structural
        case jsonSchema
    }

    /// The deepest inline nesting compiled; deeper sub-schemas accept anything.
    package static let maxDepth = 256

    /// The table being extended; read it back after compiling.
    package private(set) var table: SchemaTable
    private let definitions: [String: JSONValue]
    private var compiledDefinitions: [String: Int32] = [:]
    private let dialect: Dialect

    /// - Parameter definitions: named schemas `$ref`s may point to (`_definitions.json`, a file's `definitions`).
    package init(table: SchemaTable, definitions: [String: JSONValue] = [:], dialect: Dialect) {
        self.table = table
        self.definitions = definitions
        self.dialect = dialect
    }

    /// Compiles the root schema of an object kind: `apiVersion` and `kind` are implied, and `metadata` is always
    /// checked as the bundled `ObjectMeta` (a CRD may not restrict it beyond name).
    package mutating func compileRoot(_ schema: JSONValue, name: String?) -> Int32 {
        var node = makeNode(schema, depth: 0)
        node.name = name
        addObjectFields(to: &node)
        return table.append(node)
    }

    /// Compiles any schema and returns its node index.
    package mutating func compile(_ schema: JSONValue, depth: Int = 0) -> Int32 {
        if let reference = schema["$ref"]?.string {
            return compileReference(reference, depth: depth)
        }
        return table.append(makeNode(schema, depth: depth))
    }

    /// The definition name a `$ref` points at: the last segment after `#/definitions/` or `#/$defs/`.
    package static func definitionName(_ reference: String) -> String? {
        guard let hash = reference.firstIndex(of: "#") else { return nil }
        let fragment = reference[reference.index(after: hash)...]
        for prefix in ["/definitions/", "/$defs/"] where fragment.hasPrefix(prefix) {
            return String(fragment.dropFirst(prefix.count))
        }
        return nil
    }

    private mutating func compileReference(_ reference: String, depth: Int) -> Int32 {
        guard let name = Self.definitionName(reference) else { return table.append(SchemaNode()) }
        if let done = compiledDefinitions[name] { return done }
        guard let definition = definitions[name] else {
            // Not in this file's definitions: a bundled definition of the same name (ObjectMeta), or anything.
            if let bundled = table.definitions[name] { return bundled }
            return table.append(SchemaNode())
        }
        let slot = table.reserve()
        compiledDefinitions[name] = slot
        var node = makeNode(definition, depth: depth + 1)
        node.name = name
        table.replace(slot, with: node)
        return slot
    }

    private mutating func makeNode(_ schema: JSONValue, depth: Int) -> SchemaNode {
        var node = SchemaNode()
        guard depth < Self.maxDepth, schema.members != nil else { return node }
        node.types = Self.types(of: schema)
        let alternatives = (schema["anyOf"]?.array ?? []) + (schema["oneOf"]?.array ?? [])
        let alternativeTypes = alternatives.reduce(into: JSONTypes()) { $0.formUnion(Self.types(of: $1)) }
        if schema["x-kubernetes-int-or-string"]?.bool == true || schema["format"]?.string == "int-or-string"
            || (alternativeTypes.contains([.integer, .string]) && !alternativeTypes.contains(.number)) {
            node.format = .intOrString
            node.types = [.integer, .string]
        } else if alternativeTypes.contains([.number, .string]) {
            node.format = .quantity
            node.types = [.integer, .number, .string]
        } else {
            node.format = SchemaFormat(word: schema["format"]?.string)
        }
        if schema["nullable"]?.bool == true || alternativeTypes.contains(.null), !node.types.isEmpty {
            node.types.insert(.null)
        }
        if dialect == .structural, !node.types.isEmpty { node.types.insert(.null) }
        node.preservesUnknownFields = schema["x-kubernetes-preserve-unknown-fields"]?.bool == true
        node.isEmbeddedResource = schema["x-kubernetes-embedded-resource"]?.bool == true
        let properties = schema["properties"]?.members ?? []
        for (name, value) in properties {
            node.properties[name] = compile(value, depth: depth + 1)
        }
        node.required = (schema["required"]?.array ?? []).compactMap(\.string)
        if let values = schema["enum"]?.array {
            node.enumList = values.map(\.enumText)
            node.enumValues = Set(node.enumList)
        }
        switch schema["additionalProperties"] {
        case .bool(false)?: node.additional = .forbidden
        case .bool(true)?: node.additional = .allowed
        case let value? where value.members != nil: node.additional = .schema(compile(value, depth: depth + 1))
        default: node.additional = defaultAdditional(node, hasProperties: schema["properties"] != nil)
        }
        if let items = schema["items"], items.members != nil { node.items = compile(items, depth: depth + 1) }
        node.bounds = Self.bounds(of: schema)
        if node.isEmbeddedResource { addObjectFields(to: &node) }
        return node
    }

    private func defaultAdditional(_ node: SchemaNode, hasProperties: Bool) -> AdditionalProperties {
        if node.preservesUnknownFields { return .allowed }
        switch dialect {
        case .structural: return node.types.contains(.object) || hasProperties ? .forbidden : .allowed
        case .jsonSchema: return hasProperties ? .forbidden : .allowed
        }
    }

    private mutating func addObjectFields(to node: inout SchemaNode) {
        var text = SchemaNode()
        text.types = [.string]
        for field in ["apiVersion", "kind"] where node.properties[field] == nil {
            node.properties[field] = table.append(text)
        }
        if let meta = table.objectMeta {
            node.properties["metadata"] = meta
        } else if node.properties["metadata"] == nil {
            var object = SchemaNode()
            object.types = [.object, .null]
            node.properties["metadata"] = table.append(object)
        }
    }

    private static func types(of schema: JSONValue) -> JSONTypes {
        switch schema["type"] {
        case .string(let word)?: return JSONTypes(word: word) ?? []
        case .array(let words)?:
            return words.reduce(into: JSONTypes()) { $0.formUnion($1.string.flatMap(JSONTypes.init(word:)) ?? []) }
        default: return []
        }
    }

    private static func bounds(of schema: JSONValue) -> SchemaBounds? {
        var bounds = SchemaBounds()
        if case .number(let value, _)? = schema["minimum"] { bounds.minimum = value }
        if case .number(let value, _)? = schema["maximum"] { bounds.maximum = value }
        bounds.minLength = schema["minLength"]?.int
        bounds.maxLength = schema["maxLength"]?.int
        bounds.minItems = schema["minItems"]?.int
        bounds.maxItems = schema["maxItems"]?.int
        return bounds.isEmpty ? nil : bounds
    }
}
