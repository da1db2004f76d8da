import Dispatch
import KubeModel
import KubeYAML

/// The manifest diff stage: two manifest sets in, a `DiffReport` out.
///
/// Objects are paired by `ObjectMatcher`; each pair's trees are compared by `TreeDiffer` with the noise list
/// left out; the consequences (refused updates, rollouts) are worked out from those changes; then
/// `--ignore` patterns filter the listed fields. Ignoring a field hides it from the listing, never a
/// consequence: an update the API server refuses is reported whatever is ignored. Pairs are compared on
/// all cores; the report is sorted, so its order never depends on timing or file order.
package enum ManifestDiff {
    /// Pairs per work item when comparing in parallel.
    static let chunkSize = 256

    /// Compares two manifest sets: matched objects field by field, plus added and removed objects.
    package static func compare(old: ManifestSet, new: ManifestSet, options: DiffOptions = DiffOptions()) -> DiffReport
    {
        var report = DiffReport()
        report.diagnostics =
            UnidentifiedObjects.mark(old.diagnostics, files: old.files)
            + UnidentifiedObjects.mark(new.diagnostics, files: new.files)
        let matched = ObjectMatcher.match(old: old.manifests, new: new.manifests)
        report.diagnostics += matched.diagnostics
        report.diagnostics.sort(by: Diagnostic.reportOrder)

        let texts = (old: DocumentText(old.files), new: DocumentText(new.files))
        let outcomes = comparePairs(matched.pairs, options: options, texts: texts)
        var objects: [ObjectDiff] = []
        for outcome in outcomes {
            switch outcome {
            case .unchanged(let moved):
                report.summary.unchanged += 1
                if moved { report.summary.moved += 1 }
            case .modified(let object):
                objects.append(object)
            }
        }
        let renames = RenameMatcher.pair(removed: matched.removed, added: matched.added)
        for pair in renames.renames {
            guard case .modified(var object) = comparePair(old: pair.old, new: pair.new, options: options) else {
                continue
            }
            object.change = .renamed
            object.oldName = pair.old.identity.name
            objects.append(object)
        }
        for manifest in renames.added {
            objects.append(ObjectDiff(change: .added, identity: manifest.identity, newRange: manifest.node.range))
        }
        for manifest in renames.removed {
            objects.append(ObjectDiff(change: .removed, identity: manifest.identity, oldRange: manifest.node.range))
        }
        RenamedReferences.add(&objects)
        RenamedReferences.addStale(&objects, new: new.manifests)
        addConfigConsumers(&objects, new: new)
        addAutoscalerCaveats(&objects, new: new)
        objects.sort(by: reportOrder)
        report.objects = objects
        report.summary = summarize(objects, base: report.summary)
        return report
    }

    enum PairOutcome {
        case unchanged(moved: Bool)
        case modified(ObjectDiff)
    }

    /// Compares one pair of versions of an object.
    static func comparePair(old: Manifest, new: Manifest, options: DiffOptions) -> PairOutcome {
        let noise = options.ignoreNoise ? DiffOptions.noise : []
        let allChanges = TreeDiffer.diff(old.node, new.node, kind: new.identity.kind, ignores: noise)
            .filter { $0.path != apiVersionPath }
        let apiVersionChanged = old.identity.apiVersion != new.identity.apiVersion
        if allChanges.isEmpty, !apiVersionChanged {
            return .unchanged(moved: options.moved(from: old.file, to: new.file))
        }
        let context = WorkloadChange(identity: new.identity, old: old.node, new: new.node, changes: allChanges)
        var findings = ImmutabilityChecker.check(context)
        let isCRD = new.identity.group == "apiextensions.k8s.io" && new.identity.kind == "CustomResourceDefinition"
        if isCRD { findings += CRDUpdateRules.check(context, schema: CRDSchemaChanges.summarize(allChanges)) }
        findings += EnvReferenceOrder.findings(context)
        var (rollout, rolloutFindings) = RolloutPlanner.plan(context)
        findings += rolloutFindings
        // The API server refuses the whole update: nothing is stored, so nothing rolls out.
        if findings.contains(where: { $0.severity == .error }) { rollout = nil }
        let fields =
            options.ignores.isEmpty
            ? allChanges : allChanges.filter { change in !options.ignores.contains { $0.matches(change.path) } }
        if fields.isEmpty, findings.isEmpty, rollout == nil, !apiVersionChanged {
            return .unchanged(moved: options.moved(from: old.file, to: new.file))
        }
        return .modified(
            ObjectDiff(
                change: .modified, identity: new.identity,
                oldAPIVersion: apiVersionChanged ? old.identity.apiVersion : nil,
                oldRange: old.node.range, newRange: new.node.range, fields: fields, findings: findings,
                rollout: rollout,
                schemaChanges: isCRD ? CRDSchemaChanges.summarize(fields) : []
            ))
    }

    private static let apiVersionPath = FieldPath(keys: "apiVersion")

    /// Identity, then change, then position: a total order, so generated objects sharing a prefix keep
    /// a fixed order too.
    static func reportOrder(_ lhs: ObjectDiff, _ rhs: ObjectDiff) -> Bool {
        if lhs.identity != rhs.identity { return lhs.identity < rhs.identity }
        if lhs.change != rhs.change { return lhs.change.rawValue < rhs.change.rawValue }
        let left = lhs.newRange ?? lhs.oldRange
        let right = rhs.newRange ?? rhs.oldRange
        switch (left, right) {
        case (let left?, let right?): return left < right
        case (nil, .some): return true
        default: return false
        }
    }

    /// Adds, to each workload whose replicas changed, a caveat when an autoscaler in the new set scales it.
    private static func addAutoscalerCaveats(_ objects: inout [ObjectDiff], new: ManifestSet) {
        guard objects.contains(where: { $0.change == .modified && $0.rollout?.oldReplicas != $0.rollout?.newReplicas })
        else { return }
        let targets = AutoscalerCaveat.targets(new.manifests)
        guard !targets.isEmpty else { return }
        for position in objects.indices where objects[position].change == .modified {
            if let finding = AutoscalerCaveat.finding(for: objects[position], targets: targets) {
                objects[position].findings.append(finding)
            }
        }
    }

    /// Adds, to each changed ConfigMap and Secret, who reads it and whether they will see the change.
    private static func addConfigConsumers(_ objects: inout [ObjectDiff], new: ManifestSet) {
        let candidates = objects.indices.filter { index in
            let identity = objects[index].identity
            return objects[index].change == .modified && identity.group.isEmpty
                && (identity.kind == "ConfigMap" || identity.kind == "Secret")
        }
        guard !candidates.isEmpty else { return }
        let index = ConfigConsumers.index(new.manifests)
        guard !index.isEmpty else { return }
        let restarting = Set(objects.filter { $0.rollout?.restarts == true }.map(\.identity.storageKey))
        var roots: [StorageKey: YAMLNode] = [:]
        for manifest in new.manifests where manifest.identity.group.isEmpty {
            roots[manifest.identity.storageKey] = manifest.node
        }
        for position in candidates {
            let object = objects[position]
            objects[position].findings += ConfigConsumers.findings(
                for: object, newRoot: roots[object.identity.storageKey], index: index, restarting: restarting)
        }
    }

    private static func comparePairs(
        _ pairs: [(old: Manifest, new: Manifest)], options: DiffOptions, texts: (old: DocumentText, new: DocumentText)
    ) -> [PairOutcome] {
        @Sendable func compare(_ pair: (old: Manifest, new: Manifest)) -> PairOutcome {
            if texts.old.identical(pair.old.node, pair.new.node, newText: texts.new) {
                return .unchanged(moved: options.moved(from: pair.old.file, to: pair.new.file))
            }
            return comparePair(old: pair.old, new: pair.new, options: options)
        }
        if pairs.count <= chunkSize { return pairs.map(compare) }
        let chunks = (pairs.count + chunkSize - 1) / chunkSize
        let slots = ResultSlots<[PairOutcome]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * chunkSize)..<min(pairs.count, (chunk + 1) * chunkSize)
            slots.store(range.map { compare(pairs[$0]) }, at: chunk)
        }
        return slots.values().flatMap { $0 }
    }

    private static func summarize(_ objects: [ObjectDiff], base: DiffSummary) -> DiffSummary {
        var summary = base
        for object in objects {
            switch object.change {
            case .added: summary.added += 1
            case .removed: summary.removed += 1
            case .modified: summary.modified += 1
            case .renamed: summary.renamed += 1
            }
            if object.oldAPIVersion != nil { summary.apiVersionChanges += 1 }
            summary.fieldChanges += object.fields.count
            summary.forbidden += object.findings.filter { $0.severity == .error }.count
            if object.rollout?.restarts == true { summary.restarts += 1 }
        }
        return summary
    }
}
