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
        let prepared = prepare(set, registry: registry)
        let count = set.manifests.count
        let chunkSize = max(32, count / 64)
        let chunks = (count + chunkSize - 1) / chunkSize
        let slots = ResultSlots<[Diagnostic]>(count: chunks)
        let work: @Sendable (Int) -> Void = { chunk in
            slots.store(prepared.validate((chunk * chunkSize)..<min(count, (chunk + 1) * chunkSize)), at: chunk)
        }
        if parallel, chunks > 1 {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
        } else {
            for chunk in 0..<chunks { work(chunk) }
        }
        var diagnostics = prepared.catalogDiagnostics
        for found in slots.values() { diagnostics.append(contentsOf: found) }
        return diagnostics.sorted(by: Diagnostic.reportOrder)
    }

    /// Builds the schema table for a set (its CRDs and location schemas included) so that its manifests can then
    /// be validated range by range, by `validate` or by another stage walking the input (the linter validates
    /// each window of manifests just before its rules read the same nodes).
    package static func prepare(_ set: ManifestSet, registry: SchemaRegistry) -> PreparedSchemaValidation {
        var diagnostics: [Diagnostic] = []
        let table = catalog(for: set, registry: registry, diagnostics: &diagnostics)
        let minor = APIDeprecation.minor(of: registry.kubernetesVersion) ?? Int.max
        if !set.patches.isEmpty {
            // Patches are few: validated here, once, with only the fields they set checked.
            let patches = PreparedSchemaValidation(
                manifests: set.patches, nodes: table.nodes, kinds: table.kinds, options: registry.options,
                minor: minor, version: registry.kubernetesVersion, catalogDiagnostics: [], partial: true)
            diagnostics += patches.validate(0..<set.patches.count)
        }
        return PreparedSchemaValidation(
            manifests: set.manifests, nodes: table.nodes, kinds: table.kinds, options: registry.options,
            minor: minor, version: registry.kubernetesVersion, catalogDiagnostics: diagnostics)
    }

    /// Prepares with a registry built from the options; a bad option becomes one positionless error and no
    /// manifest is validated.
    package static func prepare(_ set: ManifestSet, options: SchemaOptions) -> PreparedSchemaValidation {
        do throws(SchemaConfigurationError) {
            return prepare(set, registry: try SchemaRegistry(options: options))
        } catch {
            return PreparedSchemaValidation(
                manifests: [], nodes: [], kinds: [:], options: options, minor: Int.max, version: "",
                catalogDiagnostics: [error.diagnostic])
        }
    }

    /// The bundled table extended with the input's CRDs and the location files of kinds still without a schema.
    static func catalog(
        for set: ManifestSet, registry: SchemaRegistry, diagnostics: inout [Diagnostic]
    ) -> SchemaTable {
        var table = registry.bundled
        if let meta = table.objectMeta { table.materialize([meta]) }
        table.addCustomResourceDefinitions(from: set.manifests, diagnostics: &diagnostics)
        // Read in the buffer, not `for manifest in`: a loop variable would copy each manifest and its typed object.
        // An input has a handful of kinds: each manifest's is first compared with those already seen (short
        // strings compare in place), and only a new one is hashed.
        var used = Set<KindKey>()
        var seen: [KindKey] = []
        set.manifests.withUnsafeBufferPointer { manifests in
            for index in manifests.indices {
                let apiVersion = manifests[index].identity.apiVersion, kind = manifests[index].identity.kind
                if seen.contains(where: { $0.kind == kind && $0.apiVersion == apiVersion }) { continue }
                let key = KindKey(apiVersion: apiVersion, kind: kind)
                used.insert(key)
                if seen.count < 16 { seen.append(key) }
            }
        }
        for patch in set.patches { used.insert(KindKey(apiVersion: patch.identity.apiVersion, kind: patch.identity.kind)) }
        let wanted = used.filter { table.root(for: $0) == nil }
        table.addLocationSchemas(registry.locations, for: wanted.sorted(), diagnostics: &diagnostics)
        let roots = used.compactMap { table.root(for: $0) }
        table.materialize(roots.sorted())
        return table
    }
}

/// A set's schema table, ready to validate any range of its manifests; what the workers share.
package struct PreparedSchemaValidation: Sendable {
    let manifests: [Manifest]
    let nodes: [SchemaNode]
    let kinds: [KindKey: Int32]
    let options: SchemaOptions
    let minor: Int
    let version: String
    /// Findings of building the table (bad CRDs, unreadable schema files) and of the set's patches, reported once.
    package let catalogDiagnostics: [Diagnostic]
    /// The manifests are strategic-merge patches (see `DocumentChecker.partial`).
    var partial = false

    /// The findings of the manifests at `positions`, in input order (unsorted).
    package func validate(_ positions: Range<Int>) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // Manifests and nodes are read in place: copying a `Manifest` (with its typed object) per document
        // would cost more than validating it.
        manifests.withUnsafeBufferPointer { manifests in
            nodes.withUnsafeBufferPointer { nodes in
                let context = Context(
                    manifests: manifests, nodes: nodes, kinds: kinds, options: options, minor: minor, version: version,
                    partial: partial)
                for index in positions.clamped(to: 0..<manifests.count) { context.validate(index, into: &found) }
            }
        }
        return found
    }
}

/// What one validation call reads: the compiled nodes and the run's settings.
private struct Context {
    let manifests: UnsafeBufferPointer<Manifest>
    let nodes: UnsafeBufferPointer<SchemaNode>
    let kinds: [KindKey: Int32]
    let options: SchemaOptions
    let minor: Int
    let version: String
    let partial: Bool

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
        checker.partial = partial
        checker.check(root, against: schema, owner: -1)
        found.append(contentsOf: checker.diagnostics)
    }
}
