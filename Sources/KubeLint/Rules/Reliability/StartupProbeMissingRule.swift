import KubeModel
import KubeYAML

/// Containers of long-running workloads without a startup probe.
package struct StartupProbeMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "startup-probe-missing",
        name: "Startup Probe Missing",
        summary: "A container of a long-running workload has a livenessProbe but no startupProbe",
        rationale: "Without one, a slow first start is judged by the liveness probe alone, and a container that needs longer than initialDelaySeconds + failureThreshold × periodSeconds to start is killed in a loop. Opt-in, as in kube-linter: most containers start fast, and for them a startup probe is only more configuration. Unlike kube-linter, containers without a liveness probe are not reported: nothing kills them while they start.",
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["no-startup-probe"]),
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
                    livenessProbe: {httpGet: {path: /healthz, port: 8080}}
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
                    livenessProbe: {httpGet: {path: /healthz, port: 8080}}
                    startupProbe: {httpGet: {path: /healthz, port: 8080}, failureThreshold: 30}
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: worker
            spec:
              selector: {matchLabels: {app: worker}}
              template:
                metadata: {labels: {app: worker}}
                spec:
                  containers:
                  - name: worker
                    image: worker:2.1
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
                  containers: [{name: once, image: busybox:1.36}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        WorkloadFacts.reportContainers(
            context, into: &sink, lacking: { $0.livenessProbe != nil && $0.startupProbe == nil },
            { "container \($0) has a livenessProbe but no startupProbe" },
            hint: "add a startupProbe whose failureThreshold × periodSeconds covers the slowest start")
    }
}
