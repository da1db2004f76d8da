import KubeModel
import KubeYAML

/// Deployments and StatefulSets with fewer replicas than the configured minimum.
package struct ReplicasBelowMinimumRule: ConfigurableRule {
    package static let description = RuleDescription(
        id: "replicas-below-minimum",
        name: "Replicas Below Minimum",
        summary: "A Deployment or StatefulSet asks for fewer replicas than `checks.minimum-replicas` (default 2)",
        rationale: "One replica means downtime at every rollout of a StatefulSet, every node drain and every crash. Opt-in: singletons (leader-elected controllers, dev overlays) are common and deliberate. Workloads an HPA scales are skipped, their replica count is the HPA's.",
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(
            kubeLinter: ["minimum-three-replicas"], kubeScore: ["deployment-replicas"],
            polaris: ["deploymentMissingReplicas"]),
        triggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: ↓1
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec: {containers: [{name: api, image: api:1.0}]}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: api
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
              minReplicas: 2
              maxReplicas: 10
            """,
        ])

    /// The `checks:` settings of the run (`.kubec.yaml`), the defaults until the linter configures the rule.
    var checks = CheckSettings()

    package func configured(by configuration: LintConfiguration) -> ReplicasBelowMinimumRule {
        var rule = self
        rule.checks = configuration.checks
        return rule
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        let minimum = checks.minimumReplicas
        let scaled = WorkloadFacts.autoscalerMinimums(context)
        for entry in context.podTemplates where entry.kind == .deployment || entry.kind == .statefulSet {
            guard let replicas = WorkloadFacts.replicas(entry), replicas < minimum,
                  scaled[WorkloadFacts.key(of: entry)] == nil else { continue }
            sink.report(entry.ref, at: WorkloadFacts.replicasAnchor(entry.ref),
                        "\(entry.ref.kind) \(entry.ref.name) asks for \(replicas) replica\(replicas == 1 ? "" : "s"), fewer than the minimum \(minimum)",
                        hint: "set spec.replicas to at least \(minimum), or let an HPA scale it")
        }
    }
}
