import KubeModel
import KubeYAML

/// HorizontalPodAutoscalers that cannot scale.
package struct HPAMaxReplicasRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "hpa-cannot-scale",
        name: "HorizontalPodAutoscaler Cannot Scale",
        summary: "A HorizontalPodAutoscaler's maxReplicas equals its minReplicas",
        rationale: "The autoscaler then only pins the replica count: it looks like autoscaling in review but never adds a pod under load. (maxReplicas below minReplicas is refused by the API server.)",
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(polaris: ["hpaMaxAvailability"]),
        triggering: [
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 3
              maxReplicas: ↓3
            """,
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
              maxReplicas: 10
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "HorizontalPodAutoscaler") {
            guard case .horizontalPodAutoscaler(let hpa) = object.kubeObject, hpa.maxReplicas == hpa.minReplicas,
                  let node = object.spec?["maxReplicas"] else { continue }
            sink.report(object, at: node, "maxReplicas equals minReplicas (\(hpa.minReplicas)): the autoscaler never scales",
                        hint: "raise maxReplicas, or drop the HPA and set the workload's replicas")
        }
    }
}
