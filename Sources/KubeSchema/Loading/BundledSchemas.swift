/// The schemas compiled into the binary, opened per version and decoded node by node on demand.
///
/// The schemas live in `Generated/BundledSchema*.swift` as `StaticString`s (read-only data in the executable: no
/// resource bundle to locate, so a copied binary still works): the nodes of every version pooled, and every kind
/// with its root per version. Opening a version parses the kinds; a node is parsed when a run first reaches it (see
/// the decode cost in `make bench`).
package enum BundledSchemas {
    /// The bundled Kubernetes minor versions, oldest first (`"1.32"` … `"1.37"`).
    package static var versions: [String] { BundledSchemaData.versions.map(\.version) }

    /// The newest bundled version: the default of `--kubernetes-version`.
    package static var newest: String { BundledSchemaData.versions.last?.version ?? "" }

    /// Normalises a user's version (`1.35`, `v1.35`, `1.35.2`, `v1.35.0`) to `major.minor`.
    package static func normalize(_ version: String) -> String {
        var text = Substring(version)
        if text.first == "v" || text.first == "V" { text = text.dropFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return String(text) }
        return "\(parts[0]).\(parts[1])"
    }

    /// The decoded table of one version; nil when the version is not bundled.
    package static func table(for version: String) -> Result<SchemaTable, CompactSchemaDecoder.Failure>? {
        guard let column = BundledSchemaData.versions.firstIndex(where: { $0.version == version }) else { return nil }
        func bytes(_ text: StaticString) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        }
        return CompactSchemaDecoder.open(
            version: version, column: column, objectMeta: BundledSchemaData.versions[column].objectMeta,
            kinds: bytes(BundledSchemaData.kinds), nodes: BundledSchemaData.nodes.map(bytes))
    }
}
