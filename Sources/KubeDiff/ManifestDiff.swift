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

    package static func compare(old: ManifestSet, new: ManifestSet, options: DiffOptions = DiffOptions()) -> DiffReport {
        var report = DiffReport()
        report.diagnostics = old.diagnostics + new.diagnostics
        let matched = ObjectMatcher.match(old: old.manifests, new: new.manifests)
        report.diagnostics += matched.diagnostics
        report.diagnostics.sort(by: Diagnostic.reportOrder)

        let outcomes = comparePairs(matched.pairs, options: options)
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
        for manifest in matched.added {
            objects.append(ObjectDiff(change: .added, identity: manifest.identity, newRange: manifest.node.range))
        }
        for manifest in matched.removed {
            objects.append(ObjectDiff(change: .removed, identity: manifest.identity, oldRange: manifest.node.range))
        }
        objects.sort { lhs, rhs in
            lhs.identity != rhs.identity ? lhs.identity < rhs.identity : lhs.change.rawValue < rhs.change.rawValue
        }
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
        let (rollout, rolloutFindings) = RolloutPlanner.plan(context)
        findings += rolloutFindings
        let fields = options.ignores.isEmpty
            ? allChanges : allChanges.filter { change in !options.ignores.contains { $0.matches(change.path) } }
        if fields.isEmpty, findings.isEmpty, rollout == nil, !apiVersionChanged {
            return .unchanged(moved: options.moved(from: old.file, to: new.file))
        }
        return .modified(ObjectDiff(
            change: .modified, identity: new.identity, oldAPIVersion: apiVersionChanged ? old.identity.apiVersion : nil,
            oldRange: old.node.range, newRange: new.node.range, fields: fields, findings: findings, rollout: rollout))
    }

    private static let apiVersionPath = FieldPath(keys: "apiVersion")

    private static func comparePairs(_ pairs: [(old: Manifest, new: Manifest)], options: DiffOptions) -> [PairOutcome] {
        if pairs.count <= chunkSize {
            return pairs.map { comparePair(old: $0.old, new: $0.new, options: options) }
        }
        let chunks = (pairs.count + chunkSize - 1) / chunkSize
        let slots = ResultSlots<[PairOutcome]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * chunkSize)..<min(pairs.count, (chunk + 1) * chunkSize)
            slots.store(range.map { comparePair(old: pairs[$0].old, new: pairs[$0].new, options: options) }, at: chunk)
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
            }
            if object.oldAPIVersion != nil { summary.apiVersionChanges += 1 }
            summary.fieldChanges += object.fields.count
            summary.forbidden += object.findings.filter { $0.severity == .error }.count
            if object.rollout?.restarts == true { summary.restarts += 1 }
        }
        return summary
    }
}
