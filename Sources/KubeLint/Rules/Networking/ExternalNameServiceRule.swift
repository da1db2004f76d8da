import KubeModel
import KubeYAML

/// ExternalName Services: in-cluster names that resolve outside the cluster (kube-linter
/// `externalname-service-redirect`).
package struct ExternalNameServiceRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "externalname-service",
        name: "ExternalName Service",
        summary: "A Service of type ExternalName sends in-cluster clients to an outside DNS name",
        rationale: """
            Clients that trust a cluster name (db.prod.svc) follow the CNAME wherever it points, with no \
            NetworkPolicy or Service IP in between; if the outside name's DNS is taken over, so is that traffic. \
            ExternalName is also the supported way to give an outside host a cluster name, so the rule is opt-in \
            (kube-linter reports every such Service by default), for sites that want each one reviewed.
            """,
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["externalname-service-redirect"]),
        triggering: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: db
            spec:
              type: ExternalName
              externalName: ↓db.example.com
            """
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Service
            metadata:
              name: db
            spec:
              selector: {app: db}
              ports: [{port: 5432}]
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "Service") {
            guard let service = object.service, service.spec.type == .externalName,
                  let target = service.spec.externalName, !target.isEmpty else { continue }
            sink.report(object, at: object.spec?["externalName"] ?? object.spec?["type"],
                        "Service \(object.name) sends in-cluster clients to \(FieldValue.quote(target)), outside the cluster",
                        hint: "use a Service with a selector or hand-written EndpointSlices to a known address, or review and keep the name")
        }
    }
}
