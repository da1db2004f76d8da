import KubeEmit
import KubeModel
import KubePlan
import KubeYAML

/// `compile --force`: the objects that failed validation are left out of the outputs, whole, as the API server
/// would have refused them; the rest is planned and emitted again without them.
///
/// A finding names its object directly, or by the document its position falls in. Findings of the plan itself
/// (a pod that does not fit, an exhausted CIDR) say nothing about the object's own values and leave it in.
enum InvalidObjectFilter {
    /// Plan findings: the object is valid, the cluster could not take it.
    static let planRules: Set<String> = [
        PlanFindings.unschedulableRule, "pod-cidr-exhausted", "cluster-cidr-exhausted", "cluster-setting-invalid",
        DataplaneInputGuard.ruleID, OutputFileCheck.ruleID,
    ]

    /// The set without the objects that have an error finding, and one warning per object left out.
    static func omit(_ set: ManifestSet, diagnostics: [Diagnostic]) -> (set: ManifestSet, omitted: [Diagnostic]) {
        var byFile: [String: [Int]] = [:]
        for (position, manifest) in set.manifests.enumerated() { byFile[manifest.file, default: []].append(position) }
        var errorCounts: [Int: Int] = [:]
        for diagnostic in diagnostics where diagnostic.severity == .error && !planRules.contains(diagnostic.rule) {
            guard let position = owner(of: diagnostic, in: set, byFile: byFile) else { continue }
            guard set.manifests[position].identity.kind != "Cluster" else { continue }
            errorCounts[position, default: 0] += 1
        }
        guard !errorCounts.isEmpty else { return (set, []) }
        var kept = ManifestSet(files: set.files, diagnostics: set.diagnostics, documentCount: set.documentCount)
        var omitted: [Diagnostic] = []
        for (position, manifest) in set.manifests.enumerated() {
            guard let count = errorCounts[position] else {
                kept.append(manifest)
                continue
            }
            omitted.append(
                Diagnostic(
                    rule: DataplaneInputGuard.ruleID, severity: .warning,
                    message: "\(manifest.identity.objectIdentity.displayName.escapingControls) left out of the outputs: "
                        + "\(count) validation error\(count == 1 ? "" : "s")",
                    range: manifest.node.range, object: manifest.identity.objectIdentity,
                    hint: "--force writes the valid objects only; fix the errors above to include this one"))
        }
        return (kept, omitted)
    }

    /// The manifest a finding is about: its object if it names one, else the document its position falls in.
    private static func owner(of diagnostic: Diagnostic, in set: ManifestSet, byFile: [String: [Int]]) -> Int? {
        if let object = diagnostic.object {
            let key = ManifestIndex.Key(kind: object.kind, namespace: object.namespace, name: object.name)
            if let positions = set.index.byKey[key] {
                if positions.count == 1 { return positions[0] }
                if let range = diagnostic.range {
                    return positions.first { contains(set.manifests[$0], range) } ?? positions[0]
                }
                return positions[0]
            }
        }
        guard let range = diagnostic.range, let positions = byFile[range.file] else { return nil }
        return positions.first { contains(set.manifests[$0], range) }
    }

    private static func contains(_ manifest: Manifest, _ range: SourceRange) -> Bool {
        let span = manifest.node.span
        return span.start <= range.span.start && range.span.start <= span.end
    }
}

extension String {
    /// The text with C0 controls and DEL shown as `?`, for messages that quote input.
    var escapingControls: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }
}
