/// The loader's limits: named, with defaults sized far above any real manifest and far below what hurts.
package struct YAMLLimits: Sendable {
    /// Largest file read, in bytes. etcd refuses objects over 1.5 MiB; a 64 MiB file is a mistake or an attack.
    package var maxFileBytes: Int = 64 << 20
    /// Deepest nesting of mappings and sequences. Real manifests (CRD schemas included) stay under 64.
    package var maxDepth: Int = 256
    /// Most nodes one document may expand to once aliases are followed (stops billion-laughs files).
    package var maxExpandedNodes: Int64 = 1_000_000
    /// Most documents read from one file; the rest of the file is skipped. Real bundles hold a few thousand,
    /// but a whole cluster rendered into one stream (`helm template` of a platform, the bench's 20,000 Services
    /// and 20,000 Deployments) holds tens of thousands, so the limit sits above that.
    package var maxDocumentsPerFile: Int = 100_000
    /// Longest scalar, in bytes. etcd stores objects of at most 1.5 MiB, so no field value is longer.
    package var maxScalarBytes: Int = 3 << 19

    package init() {}

    package static let `default` = YAMLLimits()
}
