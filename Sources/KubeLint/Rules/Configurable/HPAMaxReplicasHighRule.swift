import KubeModel
import KubeYAML

/// HorizontalPodAutoscalers allowed to scale past the team's ceiling (`checks.hpa-maximum-replicas`).
package struct HPAMaxReplicasHighRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "hpa-max-replicas-high",
        name: "HPA Max Replicas High",
        summary: "A HorizontalPodAutoscaler's maxReplicas is above `checks.hpa-maximum-replicas` (default 100)",
        rationale: """
            maxReplicas is the only brake on a scaling loop: a metric that misreads (a stuck queue, a broken \
            exporter) scales the workload to it, taking node capacity, IP addresses and database connections \
            from everything else. The right ceiling depends on the cluster, so the rule is opt-in; giving \
            `checks.hpa-maximum-replicas` in .kubec.yaml turns it on.
            """,
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["hpa-maximum-replicas"]),
        triggering: [
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 3
              maxReplicas: ↓500
            """
        ],
        nonTriggering: [
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 3
              maxReplicas: 100
            """
        ])

    /// The `checks:` settings of the run (`.kubec.yaml`), the defaults until the linter configures the rule.
    var checks = CheckSettings()

    package func configured(by configuration: LintConfiguration) -> HPAMaxReplicasHighRule {
        var rule = self
        rule.checks = configuration.checks
        return rule
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        let maximum = checks.maximumHPAReplicas
        for object in context.served("HorizontalPodAutoscaler", ["autoscaling/v1", "autoscaling/v2"]) {
            guard let node = object.spec?["maxReplicas"], let value = node.integral, value > maximum else { continue }
            sink.report(
                object, at: node,
                "HorizontalPodAutoscaler \(object.name) may scale to \(value) replicas, more than the maximum \(maximum)",
                hint: "lower maxReplicas, or raise checks.hpa-maximum-replicas if the cluster is sized for it")
        }
    }
}
