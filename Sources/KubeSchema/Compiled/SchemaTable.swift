/// A set of compiled schemas: flat nodes addressed by index, the kinds they describe, and named definitions.
///
/// Built once (per bundled version, then extended with the input's CRDs and `--schema-location` files) and read
/// concurrently by the validator, so it is immutable once handed over.
package struct SchemaTable: Sendable {
    package private(set) var nodes: [SchemaNode] = []
    /// `apiVersion` + `kind` → root node.
    package private(set) var kinds: [KindKey: Int32] = [:]
    /// Definition name → node, so CRD schemas can point `metadata` at the bundled `ObjectMeta`.
    package private(set) var definitions: [String: Int32] = [:]

    package init() {}

    /// Adds a node and returns its index.
    @discardableResult
    package mutating func append(_ node: SchemaNode) -> Int32 {
        var node = node
        node.indexFields()
        nodes.append(node)
        let index = Int32(nodes.count - 1)
        if let name = node.name, definitions[name] == nil { definitions[name] = index }
        return index
    }

    /// Reserves a slot to be filled later (for recursive definitions).
    package mutating func reserve() -> Int32 { append(SchemaNode()) }

    /// Fills a reserved slot.
    package mutating func replace(_ index: Int32, with node: SchemaNode) {
        var node = node
        node.indexFields()
        nodes[Int(index)] = node
        if let name = node.name, definitions[name] == nil { definitions[name] = index }
    }

    /// Registers the root schema of a kind (a later registration replaces an earlier one).
    package mutating func register(_ key: KindKey, root: Int32) { kinds[key] = root }

    package subscript(index: Int32) -> SchemaNode { nodes[Int(index)] }

    /// The root node of a kind.
    package func root(for key: KindKey) -> Int32? { kinds[key] }

    /// The bundled `ObjectMeta` node, when present.
    package var objectMeta: Int32? { definitions["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"] }
}

/// The key of a kind's schema: the full apiVersion (group and version) and the kind.
package struct KindKey: Hashable, Sendable, Comparable {
    package var apiVersion: String
    package var kind: String

    package init(apiVersion: String, kind: String) {
        self.apiVersion = apiVersion
        self.kind = kind
    }

    /// The group: `apps` of `apps/v1`, empty for the core group.
    package var group: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    /// The version: `v1` of `apps/v1`.
    package var version: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return apiVersion }
        return String(apiVersion[apiVersion.index(after: slash)...])
    }

    package static func < (lhs: KindKey, rhs: KindKey) -> Bool {
        (lhs.apiVersion, lhs.kind) < (rhs.apiVersion, rhs.kind)
    }
}
