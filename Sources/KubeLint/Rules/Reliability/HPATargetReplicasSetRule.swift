import KubeModel
import KubeYAML

/// Workloads that an HPA scales but that also set spec.replicas.
package struct HPATargetReplicasSetRule: Rule {
    package static let description = RuleDescription(
        id: "hpa-target-sets-replicas",
        name: "Autoscaled Workload Sets Replicas",
        summary: "A Deployment or StatefulSet that a HorizontalPodAutoscaler scales also sets spec.replicas",
        rationale: "Every `kubectl apply` of the manifest resets the replica count the autoscaler chose: under load, a deploy scales the workload down to the written number until the HPA reacts again. Opt-in: some teams write the HPA's minReplicas on purpose so that a first apply starts at that size.",
        kind: .crossResource, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeScore: ["deployment-targeted-by-hpa-does-not-have-replicas-configured"]),
        triggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: ↓3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 3
              maxReplicas: 10
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
                spec: {containers: [{name: web, image: nginx:1.27}]}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 3
              maxReplicas: 10
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        let scaled = WorkloadFacts.autoscalerMinimums(context)
        guard !scaled.isEmpty else { return }
        for entry in context.podTemplates where entry.kind == .deployment || entry.kind == .statefulSet {
            guard scaled[WorkloadFacts.key(of: entry)] != nil, let node = entry.ref.spec?["replicas"] else { continue }
            sink.report(entry.ref, at: node,
                        "\(entry.ref.kind) \(entry.ref.name) sets replicas, but a HorizontalPodAutoscaler scales it: each apply resets the count",
                        hint: "remove spec.replicas and let the HPA's minReplicas decide")
        }
    }
}
