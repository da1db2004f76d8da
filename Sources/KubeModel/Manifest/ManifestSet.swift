import Dispatch
import KubeYAML

/// Every object of the input, identified and decoded, with the problems found doing so.
package struct ManifestSet: Sendable {
    package var files: [SourceFile]
    /// The objects in input order.
    ///
    /// Add more with `append(_:)`, which keeps `index` up to date.
    package private(set) var manifests: [Manifest]
    package var diagnostics: [Diagnostic]
    /// Strategic-merge patches of the input (see `DocumentClassifier`): partial objects, schema-checked for the
    /// fields they set, never seen by the rules, the planner or the emitters.
    package var patches: [Manifest] = []
    /// How many YAML documents were read (after `List` splitting), for summaries.
    package var documentCount: Int
    /// Lookups by kind, namespace and name (see `ManifestSet+Lookup.swift`).
    package private(set) var index: ManifestIndex

    package init(
        files: [SourceFile] = [], manifests: [Manifest] = [], diagnostics: [Diagnostic] = [], documentCount: Int = 0
    ) {
        self.files = files
        self.manifests = manifests
        self.diagnostics = diagnostics
        self.documentCount = documentCount
        index = ManifestIndex(manifests)
    }

    /// Identifies and decodes every loaded document.
    ///
    /// Never fails: problems become diagnostics and the
    /// document is kept as generic, or dropped when it has no identity at all.
    ///
    /// Large inputs are decoded in chunks on every core; chunks are joined in input order, so manifests and
    /// diagnostics come out exactly as a serial pass would give them.
    /// With `typed: false` only identities are read and every object stays `.generic`: enough for stages
    /// that work on the YAML trees (the manifest diff), at a fraction of the cost.
    /// `context` are documents that are not part of the input but say what its files are (the kustomization
    /// files beside them, see `InputCollector.kustomizationsBeside`).
    package static func decode(_ load: YAMLLoadResult, typed: Bool = true, context: [YAMLDocument] = []) -> ManifestSet {
        let preparation = DocumentClassifier.prepare(load, context: context)
        let documents = load.documents
        let chunkCount = documents.count < parallelThreshold ? 1 : min(64, documents.count / (parallelThreshold / 4))
        let decoded = chunkCount <= 1
            ? decodeSerially(documents, preparation, typed: typed)
            : decodeInPlace(documents, preparation, chunks: chunkCount, typed: typed)
        var set = ManifestSet(
            files: load.files, manifests: decoded.manifests, diagnostics: decoded.diagnostics,
            documentCount: documents.count)
        set.patches = decoded.patches.map { Manifest(identity: IdentityReader.patchIdentity($0), document: $0, object: .generic) }
        set.attachObjects()
        return set
    }

    /// Adds a manifest at the end and indexes it.
    package mutating func append(_ manifest: Manifest) {
        manifests.append(manifest)
        index.add(manifest.identity, at: manifests.count - 1)
    }

    /// Below this many documents decoding stays on the calling thread (thread start-up would cost more).
    static let parallelThreshold = 512

    /// What classifying and decoding the documents gave: the diagnostics are the preparation's, then every
    /// document's classification findings, then the decoders' (as separate passes in input order give them).
    private struct Decoded {
        var manifests: [Manifest]
        var patches: [YAMLDocument]
        var diagnostics: [Diagnostic]
    }

    private static func decodeSerially(
        _ documents: [YAMLDocument], _ preparation: DocumentClassifier.Preparation, typed: Bool
    ) -> Decoded {
        let classified = DocumentClassifier.classify(documents[...], preparation)
        var diagnostics = preparation.diagnostics + classified.diagnostics
        var manifests: [Manifest] = []
        manifests.reserveCapacity(classified.objects.count)
        for document in classified.objects {
            if let manifest = decode(document, typed: typed, &diagnostics) { manifests.append(manifest) }
        }
        return Decoded(manifests: manifests, patches: classified.patches, diagnostics: diagnostics)
    }

    /// Classifies and decodes `documents` in `chunks` ranges on every core: each worker decodes its range's
    /// objects right after classifying them (one visit to each document while it is in cache) and writes the
    /// manifests straight into the result's storage at its range's start; the runs are then slid together (a
    /// bitwise move, no copy of any manifest). Input order, as a serial pass gives it.
    private static func decodeInPlace(
        _ documents: [YAMLDocument], _ preparation: DocumentClassifier.Preparation, chunks: Int, typed: Bool
    ) -> Decoded {
        typealias Chunk = (count: Int, classified: DocumentClassifier.Result, diagnostics: [Diagnostic])
        let written = ResultSlots<Chunk>(count: chunks)
        var diagnostics = preparation.diagnostics
        var patches: [YAMLDocument] = []
        let manifests = [Manifest](unsafeUninitializedCapacity: documents.count) { buffer, initialized in
            let storage = SharedStorage(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (documents.count * chunk / chunks)..<(documents.count * (chunk + 1) / chunks)
                let classified = DocumentClassifier.classify(documents[range], preparation)
                var chunkDiagnostics: [Diagnostic] = []
                var count = 0
                for document in classified.objects {
                    guard let manifest = decode(document, typed: typed, &chunkDiagnostics) else { continue }
                    storage.base?.advanced(by: range.lowerBound + count).initialize(to: manifest)
                    count += 1
                }
                written.store((count, classified, chunkDiagnostics), at: chunk)
            }
            let results = written.values()
            var total = 0
            for (chunk, result) in results.enumerated() {
                let start = documents.count * chunk / chunks
                if start != total, let base = buffer.baseAddress {
                    (base + total).moveInitialize(from: base + start, count: result.count)
                }
                total += result.count
                diagnostics.append(contentsOf: result.classified.diagnostics)
                patches.append(contentsOf: result.classified.patches)
            }
            for result in results { diagnostics.append(contentsOf: result.diagnostics) }
            initialized = total
        }
        return Decoded(manifests: manifests, patches: patches, diagnostics: diagnostics)
    }

    /// The result's storage as the workers see it: each writes only its own range.
    private struct SharedStorage: @unchecked Sendable {
        let base: UnsafeMutablePointer<Manifest>?
    }

    private static func decode(_ document: YAMLDocument, typed: Bool, _ diagnostics: inout [Diagnostic]) -> Manifest? {
        switch IdentityReader.read(document) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let identity):
            guard typed else { return Manifest(identity: identity, document: document, object: .generic) }
            var decoder = ObjectDecoder(identity: identity)
            let object = decoder.decode(document.root)
            diagnostics.append(contentsOf: decoder.diagnostics)
            return Manifest(identity: identity, document: document, object: object)
        }
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

/// Positions of manifests by kind and by kind/namespace/name, built once per set.
package struct ManifestIndex: Sendable {
    /// A kind, namespace (nil for cluster-scoped) and name.
    package struct Key: Hashable, Sendable {
        package var kind: String
        package var namespace: String?
        package var name: String

        package init(kind: String, namespace: String?, name: String) {
            self.kind = kind
            self.namespace = namespace
            self.name = name
        }
    }

    /// Manifest positions per kind, in input order.
    package private(set) var byKind: [String: [Int]] = [:]
    /// Manifest positions per kind/namespace/name, in input order (more than one means a duplicate).
    package private(set) var byKey: [Key: [Int]] = [:]

    init(_ manifests: [Manifest]) {
        // Index by position so no Manifest (and its typed object) is copied. A large input's two tables are
        // filled side by side, one per core, each in input order.
        guard manifests.count >= 4_096 else {
            byKey.reserveCapacity(manifests.count)
            for position in manifests.indices { add(manifests[position].identity, at: position) }
            return
        }
        let kinds = ResultSlots<[String: [Int]]>(count: 1)
        let keys = ResultSlots<[Key: [Int]]>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { table in
            if table == 0 {
                var byKind: [String: [Int]] = [:]
                for position in manifests.indices {
                    byKind[manifests[position].identity.kind, default: []].append(position)
                }
                kinds.store(byKind, at: 0)
            } else {
                var byKey: [Key: [Int]] = [:]
                byKey.reserveCapacity(manifests.count)
                for position in manifests.indices {
                    let identity = manifests[position].identity
                    byKey[Key(kind: identity.kind, namespace: identity.namespace, name: identity.name), default: []]
                        .append(position)
                }
                keys.store(byKey, at: 0)
            }
        }
        byKind = kinds.values().first ?? [:]
        byKey = keys.values().first ?? [:]
    }

    /// Records the manifest at `position`.
    mutating func add(_ identity: ResourceIdentity, at position: Int) {
        byKind[identity.kind, default: []].append(position)
        byKey[Key(kind: identity.kind, namespace: identity.namespace, name: identity.name), default: []]
            .append(position)
    }
}
