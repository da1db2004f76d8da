import KubeModel
import KubeYAML

/// Ingresses that serve only plain HTTP.
package struct IngressTLSMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "ingress-tls-missing",
        name: "Ingress TLS Missing",
        summary: "An Ingress has no spec.tls entry, so its hosts are served over plain HTTP",
        rationale: """
            Without `spec.tls` the controller has no certificate for the Ingress's hosts and serves them \
            unencrypted (unless a default certificate happens to be configured). An empty `tls: []` is \
            reported too: it configures nothing. Opt-in: internal Ingresses behind a TLS-terminating load \
            balancer legitimately carry none.
            """,
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(polaris: ["tlsSettingsMissing"]),
        triggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            ↓spec:
              rules:
              - host: web.example.com
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
            """,
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec:
              ↓tls: []
              defaultBackend: {service: {name: web, port: {number: 80}}}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec:
              tls:
              - {hosts: [web.example.com], secretName: web-tls}
              rules:
              - host: web.example.com
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "Ingress") {
            let tls = object.spec?["tls"]
            guard tls?.items.isEmpty ?? true else { continue }
            let anchor = object.spec?.pair(forKey: "tls")?.key ?? object.node.pair(forKey: "spec")?.key
            sink.report(object, at: anchor,
                        "Ingress \(FieldValue.quote(object.identity.name)) has no spec.tls: its hosts are served over HTTP only",
                        hint: "add spec.tls with the hosts and the Secret holding their certificate")
        }
    }
}
