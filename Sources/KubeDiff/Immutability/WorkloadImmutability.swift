import KubeYAML

/// Immutable fields of workloads (pkg/apis/apps/validation, pkg/apis/batch/validation).
enum WorkloadImmutability {
    /// Deployment, ReplicaSet and DaemonSet: `spec.selector` (`ValidateImmutableField` in the registry strategy).
    static func selector(_ context: WorkloadChange) -> [Diagnostic] {
        context.immutableFields([["spec", "selector"]])
    }

    /// The StatefulSet spec fields an update may change; the current API server's list (1.34 and later).
    ///
    /// Older servers allow fewer: 1.27–1.33 not `revisionHistoryLimit`, 1.25–1.26 not `ordinals` either.
    static let statefulSetMutable: Set<String> = [
        "replicas", "ordinals", "template", "updateStrategy", "revisionHistoryLimit",
        "persistentVolumeClaimRetentionPolicy", "minReadySeconds",
    ]

    /// The API server's message, word for word (it names what may change, not what did).
    static let statefulSetMessage =
        "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', "
        + "'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' "
        + "and 'minReadySeconds' are forbidden"

    /// StatefulSet: one error for any change to a spec field outside the mutable set, with a note per change.
    static func statefulSet(_ context: WorkloadChange) -> [Diagnostic] {
        let offending = context.changes(under: ["spec"]).filter { change in
            guard let field = change.path.key(at: 1) else { return true }
            return !statefulSetMutable.contains(field)
        }
        guard let first = offending.first else { return [] }
        let keys = first.path.segments.prefix(2).compactMap { segment -> String? in
            if case .key(let key) = segment { return key }
            return nil
        }
        return [
            context.forbidden(
                statefulSetMessage, path: first.path.description, keys: keys, notes: context.changeNotes(offending))
        ]
    }

    /// Pod-template fields a suspended Job that never started may change (JobMutableSchedulingDirectives).
    static let suspendedJobMutable: [[String]] = [
        ["spec", "template", "metadata", "labels"], ["spec", "template", "metadata", "annotations"],
        ["spec", "template", "spec", "nodeSelector"], ["spec", "template", "spec", "affinity", "nodeAffinity"],
        ["spec", "template", "spec", "tolerations"], ["spec", "template", "spec", "schedulingGates"],
    ]

    /// Job: selector, template (except scheduling directives while suspended), completionMode,
    /// podFailurePolicy and backoffLimitPerIndex.
    static func job(_ context: WorkloadChange) -> [Diagnostic] {
        var findings = context.immutableFields([
            ["spec", "selector"], ["spec", "completionMode"], ["spec", "podFailurePolicy"],
            ["spec", "backoffLimitPerIndex"],
        ])
        let templateChanges = context.changes(under: ["spec", "template"])
        guard !templateChanges.isEmpty else { return findings }
        let suspended = context.old["spec"]?["suspend"]?.bool == true && context.new["spec"]?["suspend"]?.bool == true
        let onlySchedulingDirectives = templateChanges.allSatisfy { change in
            suspendedJobMutable.contains { change.path.hasPrefix($0) }
        }
        if suspended, onlySchedulingDirectives {
            findings.append(
                context.caveat(
                    "spec.template: only a suspended Job that has never started may change its scheduling directives and labels",
                    path: "spec.template", keys: ["spec", "template"],
                    hint: "if the Job has already run, this update is refused: delete and recreate it"))
        } else {
            let keys = ["spec", "template"]
            findings.append(
                context.forbidden(
                    "spec.template: Invalid value: \(APIValueText.render(context.node(keys))): field is immutable",
                    path: "spec.template", keys: keys, notes: context.changeNotes(templateChanges)))
        }
        return findings
    }
}
