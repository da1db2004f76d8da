/// The nodes of one file, stored flat: one record per node, children as index runs, scalar bytes in one arena.
///
/// A file of 100 documents becomes one `YAMLTree` with a few arrays instead of thousands of small objects;
/// `YAMLNode` is a 16-byte view into it. Immutable once built, so it is shared freely across threads.
package final class YAMLTree: Sendable {
    /// The path as the user gave it.
    package let file: String
    package let records: [NodeRecord]
    /// Child node ids: a mapping's run holds key, value, key, value…; a sequence's run holds its items.
    package let children: [Int32]
    /// The bytes of every scalar, back to back (unescaped by libyaml).
    package let arena: [UInt8]

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
/// Internal to the tree's readers; `package` only so `YAMLNode`'s hot accessors can be inlined into the
/// stages that read fields millions of times.
package struct NodeRecord: Sendable {
    package var kind: YAMLNodeKind
    package var style: ScalarStyle
    package var type: ScalarType
    /// Set when the node carried an explicit tag (`!!str`, `!!int`, …) or was written in flow style.
    package var flags: UInt8
    package var start: SourceLocation
    package var end: SourceLocation
    package var first: Int32
    package var count: Int32

    package static let explicitTag: UInt8 = 1
    package static let flowStyle: UInt8 = 2
}
