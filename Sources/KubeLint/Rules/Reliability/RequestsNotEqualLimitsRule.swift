import KubeModel
import KubeYAML

/// Containers whose CPU or memory request differs from its limit, so the pod is not in the Guaranteed QoS class.
package struct RequestsNotEqualLimitsRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "requests-not-equal-limits",
        name: "Requests Not Equal To Limits",
        summary: "A container's CPU or memory request is unset or differs from its limit (not Guaranteed QoS)",
        rationale: """
            Only pods whose every container has equal requests and limits for CPU and memory are Guaranteed: \
            the last evicted under memory pressure and the only ones the static CPU manager pins. Opt-in, as in \
            kube-score: Burstable is the right class for most services. Values are compared as quantities, so \
            `500m` equals `0.5`; a request left out defaults to the limit and counts as equal.
            """,
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(
            kubeScore: [
                "container-resource-requests-equal-limits", "container-cpu-requests-equal-limits",
                "container-memory-requests-equal-limits",
            ]),
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
                ↓resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {cpu: "1", memory: 64Mi}}
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
                resources: {requests: {cpu: 500m, memory: 64Mi}, limits: {cpu: "0.5", memory: 64Mi}}
              - name: sidecar
                image: envoy:1.31
                resources: {limits: {cpu: 100m, memory: 32Mi}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            for container in entry.template.spec.allContainers {
                let unequal = [ResourceName.cpu, .memory].filter { !Self.equal(container.resources, $0) }
                guard !unequal.isEmpty else { continue }
                let anchor = container.fieldNodes.key(.resources, in: container.node) ?? WorkloadFacts.anchor(container)
                let names = unequal.map(\.rawValue).joined(separator: " and ")
                let name = FieldValue.quote(container.name)
                sink.report(entry.ref, at: anchor, "container \(name): \(names) request is not equal to a set limit",
                            hint: "set resources.limits for \(names) and leave the request out or equal to it")
            }
        }
    }

    /// Whether the request (defaulting to the limit) equals a set limit.
    static func equal(_ resources: ResourceRequirements, _ name: ResourceName) -> Bool {
        guard let limit = resources.limits.values[name] else { return false }
        let request = resources.requests.values[name] ?? limit
        return !(request < limit) && !(limit < request)
    }
}
