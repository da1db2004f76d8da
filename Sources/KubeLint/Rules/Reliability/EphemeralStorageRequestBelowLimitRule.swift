import KubeModel
import KubeYAML

/// Containers whose ephemeral-storage request is below their ephemeral-storage limit.
package struct EphemeralStorageRequestBelowLimitRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "ephemeral-storage-request-below-limit",
        name: "Ephemeral Storage Request Below Limit",
        summary: "A container's ephemeral-storage request is lower than its ephemeral-storage limit",
        rationale: """
            The scheduler places the pod by its request but the container may write up to its limit, so the \
            node's disk is promised twice over; when it fills, the kubelet evicts the pods using more than they \
            asked for. Equal values reserve what the container may use. Opt-in, as kube-score's check is: many \
            clusters accept the overcommit. kube-score also fires when the request exceeds the limit, which the \
            API server refuses (`invalid-resource-requirements` reports it); a request left out defaults to the \
            limit and counts as equal, and values are compared as quantities (`1Gi` equals `1073741824`).
            """,
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeScore: ["container-ephemeral-storage-request-equals-limit"]),
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
                resources:
                  requests: {ephemeral-storage: ↓1Gi}
                  limits: {ephemeral-storage: 2Gi}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              initContainers:
              - name: setup
                image: busybox:1.36
                resources: {limits: {ephemeral-storage: 1Gi}}
              containers:
              - name: web
                image: nginx:1.27
                resources:
                  requests: {ephemeral-storage: 1Gi}
                  limits: {ephemeral-storage: "1073741824"}
              - name: logs
                image: fluent-bit:3.1
                resources: {requests: {ephemeral-storage: 1Gi}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            for container in entry.template.spec.allContainers {
                let resources = container.resources
                guard let limit = resources.limits.ephemeralStorage,
                    let request = resources.requests.ephemeralStorage, request < limit
                else { continue }
                let requests = container.node?["resources"]?["requests"]
                let anchor = requests?.pair(forKey: ResourceName.ephemeralStorage.rawValue)?.value
                    ?? container.node?.pair(forKey: "resources")?.key ?? WorkloadFacts.anchor(container)
                sink.report(
                    entry.ref, at: anchor,
                    "container \(FieldValue.quote(container.name)) requests \(request) of ephemeral storage "
                        + "but may use up to its limit \(limit)",
                    hint: "set requests.ephemeral-storage equal to the limit, or leave it out (it defaults to it)")
            }
        }
    }
}
