import KubeModel
import KubeYAML

/// Containers without CPU and memory requests or a memory limit.
package struct ResourcesMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "container-resources-missing",
        name: "Container Resources Missing",
        summary: "A container sets no CPU or memory request, or no memory limit",
        rationale: "Without requests the scheduler packs pods blindly and they are evicted first; without a memory limit one leak can starve the node.",
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["unset-cpu-requirements", "unset-memory-requirements"], kubeScore: ["container-resources"],
            polaris: ["cpuRequestsMissing", "memoryRequestsMissing", "memoryLimitsMissing"],
            checkov: ["CKV_K8S_10", "CKV_K8S_12", "CKV_K8S_13"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - ↓name: web
                image: nginx:1.27
              - name: sidecar
                image: envoy:1.31
                ↓resources:
                  requests: {cpu: 100m}
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
                resources:
                  requests: {cpu: 100m, memory: 64Mi}
                  limits: {memory: 128Mi}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            let containers = entry.template.spec.containers
            for index in containers.indices {
                guard let node = containers[index].node else { continue }
                let requests = containers[index].resources.requests
                let limits = containers[index].resources.limits
                let name = containers[index].name
                var missing: [String] = []
                if requests.cpu == nil, limits.cpu == nil { missing.append("requests.cpu") }
                if requests.memory == nil, limits.memory == nil { missing.append("requests.memory") }
                if limits.memory == nil { missing.append("limits.memory") }
                guard !missing.isEmpty else { continue }
                let anchor = containers[index].fieldNodes.key(.resources, in: node) ?? node.pairs.first?.key ?? node
                sink.report(entry.ref, at: anchor,
                            "container \(FieldValue.quote(name)) sets no \(missing.joined(separator: ", "))",
                            hint: "set requests from observed usage and a memory limit")
            }
        }
    }
}
