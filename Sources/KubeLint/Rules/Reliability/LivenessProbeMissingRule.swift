import KubeModel
import KubeYAML

/// Containers of long-running workloads without a liveness probe.
package struct LivenessProbeMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "liveness-probe-missing",
        name: "Liveness Probe Missing",
        summary: "A container of a long-running workload has no livenessProbe",
        rationale: "Without it a hung process keeps its pod Running forever. Opt-in, as in kube-linter: a liveness probe that checks dependencies restarts every pod when a database blips, which is worse than none; add one that only asks whether the process itself is alive.",
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(
            kubeLinter: ["no-liveness-probe"], polaris: ["livenessProbeMissing"], checkov: ["CKV_K8S_8"]),
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
            context, into: &sink, lacking: { $0.livenessProbe == nil }, { "container \($0) has no livenessProbe" },
            hint: "add a livenessProbe that checks only the process itself (not its dependencies)")
    }
}
