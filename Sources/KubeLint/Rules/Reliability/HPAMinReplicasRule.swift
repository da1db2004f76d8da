import KubeModel
import KubeYAML

/// HorizontalPodAutoscalers that may scale down to a single pod.
package struct HPAMinReplicasRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "hpa-min-replicas-low",
        name: "HorizontalPodAutoscaler Minimum Below Two",
        summary: "A HorizontalPodAutoscaler's minReplicas is 1 (or left at the default 1)",
        rationale: "At night the autoscaler scales to one pod, and that pod's node drain or crash is an outage. kube-linter's variant asks for three; two is the least that survives one failure.",
        kind: .bestPractice, severity: .info,
        equivalents: RuleEquivalents(kubeLinter: ["hpa-minimum-three-replicas"], polaris: ["hpaMinAvailability"]),
        triggering: [
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: ↓1
              maxReplicas: 5
            """,
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            ↓spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              maxReplicas: 5
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
              minReplicas: 2
              maxReplicas: 5
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "HorizontalPodAutoscaler") {
            guard case .horizontalPodAutoscaler(let hpa) = object.kubeObject, hpa.minReplicas < 2,
                  let spec = object.node.pair(forKey: "spec") else { continue }
            // minReplicas 0 is the alpha scale-to-zero feature: deliberate.
            if hpa.minReplicas == 0 { continue }
            sink.report(object, at: spec.value["minReplicas"] ?? spec.key,
                        "minReplicas is \(hpa.minReplicas): the autoscaler may leave a single pod",
                        hint: "set spec.minReplicas to at least 2")
        }
    }
}
