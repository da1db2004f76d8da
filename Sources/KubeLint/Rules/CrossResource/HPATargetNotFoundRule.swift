import KubeModel
import KubeYAML

/// An HPA whose `scaleTargetRef` names no object of the input.
package struct HPATargetNotFoundRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "hpa-target-not-found",
        name: "HPA Target Not Found",
        summary: "A HorizontalPodAutoscaler's scaleTargetRef names no object in the input",
        rationale: "The autoscaler reports FailedGetScale and scales nothing.",
        kind: .crossResource, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["dangling-horizontalpodautoscaler"], kubeScore: ["horizontalpodautoscaler-has-target"]),
        triggering: [
            """
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ↓webapp}
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
              maxReplicas: 5
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "HorizontalPodAutoscaler") {
            guard case .horizontalPodAutoscaler(let hpa) = object.kubeObject else { continue }
            let reference = hpa.scaleTargetRef
            guard !reference.kind.isEmpty, !reference.name.isEmpty, let node = reference.node else { continue }
            if context.object(kind: reference.kind, namespace: object.namespace, name: reference.name) == nil {
                sink.report(object, at: node["name"] ?? node,
                            "scaleTargetRef \(reference.kind) \(object.namespace)/\(reference.name) is not in the input")
            }
        }
    }
}
