import Dispatch
import KubeModel
import KubeYAML

/// Schema validation of a manifest set: the entry point of the KubeSchema stage.
///
/// For each object: flag a removed or deprecated apiVersion for the chosen Kubernetes version, find its schema
/// (CRDs in the input, then `--schema-location` folders, then the bundled version), and walk its tree. Objects
/// are independent, so the walk runs on every core in chunks; findings are merged in input order, then sorted.
package enum SchemaValidator {
    /// Validates with a registry built from the options; a bad option becomes one positionless error.
    package static func validate(_ set: ManifestSet, options: SchemaOptions) -> [Diagnostic] {
        do throws(SchemaConfigurationError) {
            return validate(set, registry: try SchemaRegistry(options: options))
        } catch {
            return [error.diagnostic]
        }
    }

    /// Validates every manifest of the set against the registry plus the set's own CRDs.
    ///
    /// `parallel: false` runs on the calling thread only (benchmarks, and the test that output does not depend
    /// on scheduling).
    package static func validate(_ set: ManifestSet, registry: SchemaRegistry, parallel: Bool = true) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let table = catalog(for: set, registry: registry, diagnostics: &diagnostics)
        let minor = APIDeprecation.minor(of: registry.kubernetesVersion) ?? Int.max
        let count = set.manifests.count
        let chunkSize = max(32, count / 64)
        let chunks = (count + chunkSize - 1) / chunkSize
        let slots = ResultSlots<[Diagnostic]>(count: chunks)
        // Workers read manifests and nodes in place: copying a `Manifest` (with its typed object) per document
        // would cost more than validating it.
        set.manifests.withUnsafeBufferPointer { manifests in
            table.nodes.withUnsafeBufferPointer { nodes in
                let context = Context(
                    manifests: manifests, nodes: nodes, kinds: table.kinds, options: registry.options, minor: minor,
                    version: registry.kubernetesVersion)
                let work: @Sendable (Int) -> Void = { chunk in
                    var found: [Diagnostic] = []
                    for index in (chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize) {
                        context.validate(index, into: &found)
                    }
                    slots.store(found, at: chunk)
                }
                if parallel, chunks > 1 {
                    DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
                } else {
                    for chunk in 0..<chunks { work(chunk) }
                }
            }
        }
        for found in slots.values() { diagnostics.append(contentsOf: found) }
        return diagnostics.sorted(by: Diagnostic.reportOrder)
    }

    /// The bundled table extended with the input's CRDs and the location files of kinds still without a schema.
    static func catalog(
        for set: ManifestSet, registry: SchemaRegistry, diagnostics: inout [Diagnostic]
    ) -> SchemaTable {
        var table = registry.bundled
        if let meta = table.objectMeta { table.materialize([meta]) }
        table.addCustomResourceDefinitions(from: set.manifests, diagnostics: &diagnostics)
        // By index, not `for manifest in`: a loop variable would copy each manifest and its typed object.
        var used = Set<KindKey>()
        for index in set.manifests.indices {
            used.insert(KindKey(apiVersion: set.manifests[index].identity.apiVersion,
                                kind: set.manifests[index].identity.kind))
        }
        let wanted = used.filter { table.root(for: $0) == nil }
        table.addLocationSchemas(registry.locations, for: wanted.sorted(), diagnostics: &diagnostics)
        let roots = used.compactMap { table.root(for: $0) }
        table.materialize(roots.sorted())
        return table
    }
}

/// What every worker reads: the compiled nodes and the run's settings.
private struct Context: @unchecked Sendable {
    let manifests: UnsafeBufferPointer<Manifest>
    let nodes: UnsafeBufferPointer<SchemaNode>
    let kinds: [KindKey: Int32]
    let options: SchemaOptions
    let minor: Int
    let version: String

    func validate(_ index: Int, into found: inout [Diagnostic]) {
        let identity = manifests[index].identity
        let object = identity.objectIdentity
        let root = manifests[index].document.root
        switch APIDeprecation.status(apiVersion: identity.apiVersion, kind: identity.kind, minor: minor) {
        case .removed(let entry)?:
            found.append(APIVersionFindings.removed(entry, at: root["apiVersion"] ?? root, object: object))
            return
        case .deprecated(let entry)?:
            found.append(APIVersionFindings.deprecated(entry, at: root["apiVersion"] ?? root, object: object))
        case nil:
            break
        }
        guard let schema = kinds[KindKey(apiVersion: identity.apiVersion, kind: identity.kind)] else {
            found.append(APIVersionFindings.missingSchema(
                identity, version: version, ignore: options.ignoreMissingSchemas, at: root["kind"] ?? root,
                object: object))
            return
        }
        var checker = DocumentChecker(nodes: nodes, strict: options.strict, object: object)
        checker.check(root, against: schema, owner: -1)
        found.append(contentsOf: checker.diagnostics)
    }
}
