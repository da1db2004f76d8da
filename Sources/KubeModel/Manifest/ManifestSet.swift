import KubeYAML

/// Every object of the input, identified and decoded, with the problems found doing so.
package struct ManifestSet: Sendable {
    package var files: [SourceFile]
    package var manifests: [Manifest]
    package var diagnostics: [Diagnostic]
    /// How many YAML documents were read (after `List` splitting), for summaries.
    package var documentCount: Int

    package init(files: [SourceFile] = [], manifests: [Manifest] = [], diagnostics: [Diagnostic] = [], documentCount: Int = 0) {
        self.files = files
        self.manifests = manifests
        self.diagnostics = diagnostics
        self.documentCount = documentCount
    }

    /// Identifies and decodes every loaded document. Never fails: problems become diagnostics and the
    /// document is kept as generic, or dropped when it has no identity at all.
    package static func decode(_ load: YAMLLoadResult) -> ManifestSet {
        var set = ManifestSet(files: load.files, diagnostics: load.diagnostics, documentCount: load.documents.count)
        set.manifests.reserveCapacity(load.documents.count)
        for document in load.documents {
            switch IdentityReader.read(document) {
            case .failure(let diagnostic):
                set.diagnostics.append(diagnostic)
            case .success(let identity):
                var decoder = ObjectDecoder(identity: identity)
                let object = decoder.decode(document.root)
                set.diagnostics.append(contentsOf: decoder.diagnostics)
                set.manifests.append(Manifest(identity: identity, document: document, object: object))
            }
        }
        set.attachObjects()
        return set
    }

    /// Gives loader findings (duplicate keys, say) the identity of the object they sit in.
    private mutating func attachObjects() {
        guard diagnostics.contains(where: { $0.object == nil && $0.range != nil }) else { return }
        var byFile: [String: [Manifest]] = [:]
        for manifest in manifests { byFile[manifest.file, default: []].append(manifest) }
        for index in diagnostics.indices where diagnostics[index].object == nil {
            guard let range = diagnostics[index].range, let candidates = byFile[range.file] else { continue }
            let owner = candidates.first { manifest in
                let span = manifest.node.span
                return span.start <= range.start && range.start <= span.end
            }
            diagnostics[index].object = owner?.identity.objectIdentity
        }
    }
}
