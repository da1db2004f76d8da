import KubeModel
import KubeYAML

/// Long-running containers that expose ports but have no readiness probe.
package struct ReadinessProbeMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "readiness-probe-missing",
        name: "Readiness Probe Missing",
        summary: "A container of a long-running workload exposes ports but has no readinessProbe",
        rationale: "Without it, Services send traffic to the pod as soon as it starts, before it can answer; rollouts cannot tell a broken version.",
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["no-readiness-probe"], kubeScore: ["pod-probes"], polaris: ["readinessProbeMissing"], checkov: ["CKV_K8S_9"]),
        triggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - ↓name: web
                    image: nginx:1.27
                    ports: [{containerPort: 8080}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    ports: [{name: http, containerPort: 8080}]
                    readinessProbe: {httpGet: {path: /, port: http}}
                  - name: worker
                    image: worker:1.0
            """,
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: once
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: once, image: busybox:1.36, ports: [{containerPort: 8080}]}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            switch entry.kind {
            case .job, .cronJob: continue
            default: break
            }
            let containers = entry.template.spec.containers
            for index in containers.indices where !containers[index].ports.isEmpty && containers[index].readinessProbe == nil {
                guard let node = containers[index].node else { continue }
                sink.report(entry.ref, at: node.pairs.first?.key ?? node,
                            "container \(FieldValue.quote(containers[index].name)) exposes ports but has no readinessProbe",
                            hint: "add a readinessProbe on the serving port")
            }
        }
    }
}
