import KubeModel
import KubeYAML

/// An `ingressClassName` that names no IngressClass of the input (info: classes are often installed with
/// the controller, outside the application's manifests).
package struct IngressClassNotFoundRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "ingress-class-not-found",
        name: "Ingress Class Not Found",
        summary: "spec.ingressClassName names an IngressClass that is not in the input",
        rationale: "No controller picks up an Ingress whose class does not exist; classes often come with the controller, hence info.",
        kind: .crossResource, severity: .info,
        triggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec:
              ingressClassName: ↓nginx-internal
              defaultBackend: {service: {name: web, port: {number: 80}}}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata:
              name: nginx
            spec:
              controller: k8s.io/ingress-nginx
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec:
              ingressClassName: nginx
              defaultBackend: {service: {name: web, port: {number: 80}}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "Ingress") {
            guard let node = object.spec?["ingressClassName"], let name = node.text, !name.isEmpty else { continue }
            if context.object(kind: "IngressClass", namespace: nil, name: name) == nil {
                sink.report(object, at: node, "IngressClass \(FieldValue.quote(name)) is not in the input",
                            hint: "make sure the cluster has this class (kubectl get ingressclass)")
            }
        }
    }
}
