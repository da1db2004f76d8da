import KubeModel
import KubeYAML

/// A StatefulSet's `serviceName` that is empty, absent from the input, or not a headless Service.
package struct StatefulSetServiceRule: Rule {
    package static let description = RuleDescription(
        id: "statefulset-service-invalid",
        name: "StatefulSet Governing Service Invalid",
        summary: "A StatefulSet's serviceName names no Service in the input, or one that is not headless",
        rationale: "Pods get their stable DNS names (pod-0.svc) only from a headless governing Service.",
        kind: .crossResource, severity: .warning,
        triggering: [
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              serviceName: ↓db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: postgres:17}]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: db
            spec:
              selector: {app: db}
              ports: [{port: 5432}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              serviceName: db
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: postgres:17}]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: db
            spec:
              clusterIP: None
              selector: {app: db}
              ports: [{port: 5432}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "StatefulSet") {
            guard case .statefulSet(let set) = object.kubeObject, let spec = object.spec else { continue }
            let name = set.spec.serviceName
            guard let node = spec["serviceName"], !name.isEmpty else {
                sink.report(object, at: object.node.pair(forKey: "spec")?.key,
                            "spec.serviceName is not set: the pods get no stable DNS names",
                            hint: "create a headless Service (clusterIP: None) and name it in serviceName", severity: .info)
                continue
            }
            guard let target = context.object(kind: "Service", namespace: object.namespace, name: name),
                  case .service(let service) = target.kubeObject else {
                sink.report(object, at: node, "governing Service \(FieldValue.quote(name)) is not in namespace \(object.namespace) in the input")
                continue
            }
            if !service.spec.isHeadless {
                sink.report(object, at: node, "governing Service \(FieldValue.quote(name)) is not headless (clusterIP: None)",
                            hint: "set clusterIP: None on the Service, or add a separate headless one",
                            notes: [DiagnosticNote(message: "the Service", range: target.node.range)])
            }
        }
    }
}

/// An HPA whose `scaleTargetRef` names no object of the input.
package struct HPATargetNotFoundRule: Rule {
    package static let description = RuleDescription(
        id: "hpa-target-not-found",
        name: "HPA Target Not Found",
        summary: "A HorizontalPodAutoscaler's scaleTargetRef names no object in the input",
        rationale: "The autoscaler reports FailedGetScale and scales nothing.",
        kind: .crossResource, severity: .warning,
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

/// A PodDisruptionBudget whose selector selects no pod template.
package struct PDBSelectsNoPodRule: Rule {
    package static let description = RuleDescription(
        id: "pdb-selects-no-pod",
        name: "PodDisruptionBudget Selects No Pod",
        summary: "A PodDisruptionBudget's selector matches no pod template in its namespace",
        rationale: "The budget protects nothing during drains and upgrades.",
        kind: .crossResource, severity: .warning,
        triggering: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: zk
            spec:
              maxUnavailable: 1
              selector:
                matchLabels: {↓app: zookeeper}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: zk-0
              labels: {app: zk}
            spec:
              containers: [{name: zk, image: zookeeper:3.9}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: zk
            spec:
              maxUnavailable: 1
              selector: {matchLabels: {app: zk}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: zk-0
              labels: {app: zk}
            spec:
              containers: [{name: zk, image: zookeeper:3.9}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "PodDisruptionBudget") {
            guard case .podDisruptionBudget(let budget) = object.kubeObject else { continue }
            guard let selector = budget.selector, let node = object.spec?["selector"] else {
                sink.report(object, at: object.node.pair(forKey: "spec")?.key,
                            "the budget has no selector, so it selects no pod (policy/v1)", hint: "add spec.selector")
                continue
            }
            guard !selector.isEmpty, !selector.isInvalid else { continue }
            if context.pods(in: object.namespace, matching: selector).isEmpty {
                sink.report(object, at: firstEntry(node),
                            "selector \(selector.selectorText) matches no pod template in namespace \(object.namespace)")
            }
        }
    }
}
