import KubeModel
import KubeYAML

/// Containers without `limits.ephemeral-storage`.
package struct EphemeralStorageLimitMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "ephemeral-storage-limit-missing",
        name: "Ephemeral Storage Limit Missing",
        summary: "A container sets no ephemeral-storage limit",
        rationale: """
            Logs, emptyDir volumes without a sizeLimit and the writable layer all count against the node's disk; \
            a container without a limit can fill it and get every pod on the node evicted under DiskPressure. \
            kube-score asks for the request and the limit; a limit alone is enough, since the API server copies \
            a missing request from the limit. Opt-in: many clusters size node disks generously instead.
            """,
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(
            kubeLinter: ["unset-ephemeral-storage-requirements"], kubeScore: ["container-ephemeral-storage-request-and-limit"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                ↓resources: {requests: {ephemeral-storage: 1Gi}}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                resources: {limits: {ephemeral-storage: 2Gi}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            let containers = entry.template.spec.allContainers
            for container in containers where container.resources.limits.ephemeralStorage == nil {
                let anchor = container.fieldNodes.key(.resources, in: container.node) ?? WorkloadFacts.anchor(container)
                sink.report(entry.ref, at: anchor,
                            "container \(FieldValue.quote(container.name)) sets no limits.ephemeral-storage",
                            hint: "set resources.limits.ephemeral-storage (the request defaults to it)")
            }
        }
    }
}
