import KubeModel
import KubeYAML

/// The selector of a Deployment, ReplicaSet, StatefulSet, DaemonSet or manual-selector Job must select its
/// own pod template's labels.
package struct WorkloadSelectorMismatchRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "workload-selector-mismatch",
        name: "Workload Selector Mismatch",
        summary: "A workload's selector must match its pod template's labels",
        rationale: "The API server rejects it (`selector` does not match template `labels`); it is the most common copy-paste error in manifests.",
        kind: .apiServer, severity: .error,
        equivalents: RuleEquivalents(
            kubeLinter: ["mismatching-selector"],
            kubeScore: [
                "deployment-pod-selector-labels-match-template-metadata-labels",
                "statefulset-pod-selector-labels-match-template-metadata-labels",
            ]),
        triggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels:
                    ↓app: webapp
                spec:
                  containers: [{name: web, image: nginx:1.27}]
            """,
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              serviceName: db
              selector:
                matchExpressions: [{key: tier, operator: In, values: [db]}]
              template:
                metadata: ↓{}
                spec:
                  containers: [{name: db, image: postgres:17}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector:
                matchLabels: {app: web}
                matchExpressions: [{key: tier, operator: NotIn, values: [db]}]
              template:
                metadata:
                  labels: {app: web, tier: frontend}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods where !entry.isLegacy {
            // The kind, not the workload (reading it copies the whole workload); a Job's only to read its
            // manualSelector.
            switch entry.kind {
            case .deployment, .replicaSet, .statefulSet, .daemonSet: break
            case .job: guard Self.hasManualSelector(entry.workload) else { continue }
            default: continue
            }
            guard let selector = entry.selector, !selector.isEmpty, !selector.isInvalid,
                  !selector.matches(entry.template.metadata.labels),
                  let templateNode = entry.template.node else { continue }
            let labels = entry.template.metadata.labels
            let labelsNode = entry.template.metadata.node?["labels"]
            let anchor = labelsNode.map { $0.pairs.first?.key ?? $0 } ?? entry.template.metadata.node ?? templateNode
            let path = sink.path(of: templateNode, in: entry.ref) + ".metadata.labels"
            let message = FieldError.invalid(FieldValue.map(labels), "`selector` does not match template `labels`")
                .message(path: path)
            sink.report(entry.ref, at: anchor, message + " (selector \(selector.selectorText))",
                        hint: "make the template labels include every selector label", path: path)
        }
    }

    /// Whether a Job workload sets `manualSelector`.
    private static func hasManualSelector(_ workload: Workload?) -> Bool {
        if case .job(let job)? = workload { return job.spec.manualSelector }
        return false
    }
}
