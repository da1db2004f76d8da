import KubeModel
import KubeYAML

/// A container whose liveness and readiness probes ask the same question.
package struct ProbesIdenticalRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "probes-identical",
        name: "Liveness And Readiness Probes Identical",
        summary: "A container's livenessProbe uses the same handler (path, port, command) as its readinessProbe",
        rationale: "When the check fails for a moment (load, a slow dependency), the pod is not only taken out of the Service but restarted too, and every replica at once: the outage a readiness probe alone would have ridden out. Liveness should ask a cheaper question, or the same one with a much higher failureThreshold (kubec, unlike kube-score, accepts that).",
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(kubeScore: ["pod-probes-identical"]),
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
                readinessProbe: {httpGet: {path: /healthz, port: 8080}}
                ↓livenessProbe: {httpGet: {path: /healthz, port: 8080}}
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
                readinessProbe: {httpGet: {path: /ready, port: 8080}}
                livenessProbe: {httpGet: {path: /healthz, port: 8080}}
              - name: cache
                image: redis:7
                readinessProbe: {tcpSocket: {port: 6379}}
                livenessProbe: {tcpSocket: {port: 6379}, failureThreshold: 10}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            let containers = entry.template.spec.containers
            for index in containers.indices {
                guard let liveness = containers[index].livenessProbe, let readiness = containers[index].readinessProbe,
                      liveness.handler != .none, liveness.handler == readiness.handler,
                      liveness.failureThreshold * liveness.periodSeconds <= readiness.failureThreshold * readiness.periodSeconds
                else { continue }
                sink.report(entry.ref, at: containers[index].fieldNodes.key(.livenessProbe, in: containers[index].node),
                            "container \(FieldValue.quote(containers[index].name)): livenessProbe is the same check as readinessProbe",
                            hint: "give liveness its own cheap endpoint, or a failureThreshold long enough to ride out what readiness handles")
            }
        }
    }
}
