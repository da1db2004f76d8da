/// A set of compiled schemas: flat nodes addressed by index, the kinds they describe, and named definitions.
///
/// Built once (per bundled version, then extended with the input's CRDs and `--schema-location` files) and read
/// concurrently by the validator, so it is immutable once handed over.
package struct SchemaTable: Sendable {
    /// Every node; indices are stable once assigned.
    package private(set) var nodes: [SchemaNode] = []
    /// `apiVersion` + `kind` → root node.
    package private(set) var kinds: [KindKey: Int32] = [:]
    /// Definition name → node, so CRD schemas can point `metadata` at the bundled `ObjectMeta`.
    package private(set) var definitions: [String: Int32] = [:]
    /// Where not-yet-decoded bundled nodes come from; nil for tables built in memory.
    private var source: CompactNodeSource?
    /// For bundled nodes, true until decoded; nodes appended later are always decoded.
    private var pending: [Bool] = []
    private var objectMetaIndex: Int32?

    /// An empty table (tests, and schemas built only from CRDs).
    package init() {}

    /// A bundled table whose nodes decode on demand (`materialize`); undecoded slots accept anything.
    init(lazy source: CompactNodeSource, kinds: [(KindKey, Int)], objectMeta: Int32) {
        nodes = Array(repeating: SchemaNode(), count: source.count)
        pending = Array(repeating: true, count: source.count)
        self.source = source
        objectMetaIndex = objectMeta
        for (key, root) in kinds { self.kinds[key] = Int32(root) }
    }

    /// Decodes every bundled node reachable from `roots` that is not decoded yet.
    ///
    /// Called before validation for the kinds the input uses; afterwards the table is read-only.
    package mutating func materialize(_ roots: some Sequence<Int32>) {
        guard let source else { return }
        var stack = Array(roots)
        while let index = stack.popLast() {
            let slot = Int(index)
            guard slot >= 0, slot < pending.count, pending[slot] else { continue }
            pending[slot] = false
            guard var node = source.node(at: slot) else { continue }
            node.indexFields()
            stack.append(contentsOf: node.properties.values)
            if case .schema(let target) = node.additional { stack.append(target) }
            if node.items >= 0 { stack.append(node.items) }
            if let name = node.name, definitions[name] == nil { definitions[name] = index }
            nodes[slot] = node
        }
    }

    /// Decodes every bundled node and returns how many lines were malformed (tests: the generated data is sound).
    package mutating func materializeAll() -> Int {
        guard let source else { return 0 }
        let malformed = (0..<source.count).filter { pending[$0] && source.node(at: $0) == nil }.count
        materialize((0..<Int32(pending.count)).filter { pending[Int($0)] })
        return malformed
    }

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

    /// The node at an index.
    package subscript(index: Int32) -> SchemaNode { nodes[Int(index)] }

    /// The root node of a kind.
    package func root(for key: KindKey) -> Int32? { kinds[key] }

    /// The bundled `ObjectMeta` node, when present.
    package var objectMeta: Int32? {
        objectMetaIndex ?? definitions["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"]
    }
}

/// The key of a kind's schema: the full apiVersion (group and version) and the kind.
package struct KindKey: Hashable, Sendable, Comparable {
    /// `apps/v1`, `v1`, `example.com/v1`.
    package var apiVersion: String
    /// The kind, as written in manifests.
    package var kind: String

    /// A key from an apiVersion and a kind.
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

    /// Orders by apiVersion, then kind.
    package static func < (lhs: KindKey, rhs: KindKey) -> Bool {
        (lhs.apiVersion, lhs.kind) < (rhs.apiVersion, rhs.kind)
    }
}
