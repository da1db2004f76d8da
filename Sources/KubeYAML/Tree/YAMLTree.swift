/// The nodes of one file, stored flat: one record per node, children as index runs, scalar bytes in one arena.
///
/// A file of 100 documents becomes one `YAMLTree` with a few arrays instead of thousands of small objects;
/// `YAMLNode` is a 16-byte view into it. Immutable once built, so it is shared freely across threads.
package final class YAMLTree: Sendable {
    /// The path as the user gave it.
    package let file: String
    let records: [NodeRecord]
    /// Child node ids: a mapping's run holds key, value, key, value…; a sequence's run holds its items.
    let children: [Int32]
    /// The bytes of every scalar, back to back (unescaped by libyaml).
    let arena: [UInt8]

    init(file: String, records: [NodeRecord], children: [Int32], arena: [UInt8]) {
        self.file = file
        self.records = records
        self.children = children
        self.arena = arena
    }

    /// The node with this id.
    package func node(_ id: Int32) -> YAMLNode { YAMLNode(tree: self, id: id) }
}

/// One node's facts, packed. For scalars `first`/`count` address the arena; for collections, `children`.
struct NodeRecord: Sendable {
    var kind: YAMLNodeKind
    var style: ScalarStyle
    var type: ScalarType
    /// Set when the node carried an explicit tag (`!!str`, `!!int`, …) or was written in flow style.
    var flags: UInt8
    var start: SourceLocation
    var end: SourceLocation
    var first: Int32
    var count: Int32

    static let explicitTag: UInt8 = 1
    static let flowStyle: UInt8 = 2
}
