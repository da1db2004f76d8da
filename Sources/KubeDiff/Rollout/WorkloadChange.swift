import KubeModel
import KubeYAML

/// One modified object as the consequence checks see it: both trees, the field changes (with noise left out
/// but before `--ignore`, so ignoring a field never hides what the API server will do), and helpers.
struct WorkloadChange {
    let identity: ResourceIdentity
    let old: YAMLNode
    let new: YAMLNode
    let changes: [FieldChange]

    /// Whether any change lies at or under the given plain-key path.
    func changed(under keys: [String]) -> Bool {
        changes.contains { $0.path.hasPrefix(keys) }
    }

    /// The changes at or under a path.
    func changes(under keys: [String]) -> [FieldChange] {
        changes.filter { $0.path.hasPrefix(keys) }
    }

    var templateChanged: Bool { changed(under: ["spec", "template"]) }

    var oldReplicas: Int { Self.replicas(old) }
    var newReplicas: Int { Self.replicas(new) }

    /// `spec.replicas`, 1 when omitted (or not a usable number: lint reports that).
    static func replicas(_ root: YAMLNode) -> Int {
        guard let value = root["spec"]?["replicas"]?.int, value >= 0, value <= Int64(Int32.max) else { return 1 }
        return Int(value)
    }

    /// The plan for a replicas-only change, or nil when nothing that moves pods changed.
    func scalePlan(strategy: String, what: String) -> RolloutPlan? {
        guard oldReplicas != newReplicas else { return nil }
        var plan = RolloutPlan(
            strategy: strategy, restarts: false,
            summary:
                "scales from \(oldReplicas) to \(newReplicas) pods; the pod template is unchanged, so no pod is replaced"
        )
        plan.oldReplicas = oldReplicas
        plan.newReplicas = newReplicas
        return plan
    }

    /// Reads a rolling-update bound, falling back to its default; an unusable value becomes a finding.
    func bound(
        _ node: YAMLNode?, name: String, path: String, default fallback: IntOrPercent, findings: inout [Diagnostic]
    ) -> IntOrPercent? {
        guard let node, !node.isNull else { return fallback }
        switch IntOrPercent.read(node) {
        case .success(let value):
            return value
        case .failure(let invalid):
            findings.append(
                refusal(
                    path: "\(path).\(name)", node: node,
                    message: "\(path).\(name): Invalid value: \(DiffValue.quoted(invalid.text)): \(invalid.reason)",
                    hint: "write a count such as 1 or a percentage such as \"25%\""))
            return nil
        }
    }

    /// An error finding about the new version, pointing at `node` (or the object when absent).
    func refusal(path: String, node: YAMLNode?, message: String, hint: String) -> Diagnostic {
        Diagnostic(
            rule: ConsequenceRules.invalidUpdate, severity: .error, message: message, range: (node ?? new).range,
            object: identity.objectIdentity, path: path, hint: hint)
    }
}

/// Rule ids of the findings the diff adds about consequences.
package enum ConsequenceRules {
    /// An update the API server refuses because a field is immutable: needs delete and recreate.
    package static let forbiddenUpdate = "diff-forbidden-update"
    /// An update the API server refuses because the new value is invalid for an update.
    package static let invalidUpdate = "diff-invalid-update"
    /// An update that is accepted but does not do what the manifest suggests.
    package static let updateCaveat = "diff-update-caveat"
    /// The hint every forbidden update carries.
    package static let recreateHint = "needs delete and recreate"
}
