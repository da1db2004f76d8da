import KubeModel
import KubeYAML

/// A StatefulSet's `serviceName` that is empty, absent from the input, or not a headless Service.
package struct StatefulSetServiceRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "statefulset-service-invalid",
        name: "StatefulSet Governing Service Invalid",
        summary: "A StatefulSet's serviceName names no Service in the input, or one that is not headless",
        rationale: "Pods get their stable DNS names (pod-0.svc) only from a headless governing Service.",
        kind: .crossResource, severity: .warning,
        equivalents: RuleEquivalents(
            kubeScore: ["statefulset-has-servicename"]),
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
                  let service = target.service else {
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
