/// The schemas compiled into the binary, opened per version and decoded node by node on demand.
///
/// The text of every version lives in `Generated/BundledSchema+v1_NN.swift` as a `StaticString` (read-only data
/// in the executable: no resource bundle to locate, so a copied binary still works). Only the version a run asks
/// for is parsed; see the decode cost in the KubeSchema report.
package enum BundledSchemas {
    /// The bundled Kubernetes minor versions, oldest first (`"1.32"` … `"1.37"`).
    package static var versions: [String] { BundledSchemaData.all.map(\.version) }

    /// The newest bundled version: the default of `--kubernetes-version`.
    package static var newest: String { BundledSchemaData.all.last?.version ?? "" }

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
        guard let entry = BundledSchemaData.all.first(where: { $0.version == version }) else { return nil }
        let text = entry.text
        return CompactSchemaDecoder.open(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
