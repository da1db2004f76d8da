import KubeModel
import KubeYAML

/// Ingresses with ingress-nginx snippet annotations: raw nginx configuration in an object any namespace can write.
package struct IngressNginxSnippetRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "ingress-nginx-snippet",
        name: "Ingress NGINX Snippet",
        summary: "An Ingress carries an ingress-nginx snippet annotation (raw nginx directives)",
        rationale: """
            A snippet is pasted into the controller's nginx.conf, which runs with the controller's ServiceAccount \
            and sees every Ingress's TLS keys: CVE-2021-25742 read them with an alias directive or Lua code. \
            ingress-nginx turned snippet annotations off by default in controller 1.9 (allow-snippet-annotations) \
            and, since 1.12, also needs annotations-risk-level Critical for them, so on a default install the \
            Ingress is refused or its snippet ignored. Checkov checks the Lua and alias forms separately \
            (CKV_K8S_152, CKV_K8S_154) and any snippet (CKV_K8S_153); every snippet is reported here. kubec \
            compile never renders snippets either (nginx-snippet-refused).
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(checkov: ["CKV_K8S_152", "CKV_K8S_153", "CKV_K8S_154"]),
        triggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              annotations:
                ↓nginx.ingress.kubernetes.io/configuration-snippet: |
                  more_set_headers "X-Frame-Options: DENY";
            spec:
              ingressClassName: nginx
              defaultBackend: {service: {name: web, port: {number: 80}}}
            """
        ],
        nonTriggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
              annotations:
                nginx.ingress.kubernetes.io/ssl-redirect: "true"
            spec:
              ingressClassName: nginx
              defaultBackend: {service: {name: web, port: {number: 80}}}
            """
        ])

    /// The annotations ingress-nginx pastes into its configuration as written (risk level "Critical").
    static let snippets: Set<String> = [
        "configuration-snippet", "server-snippet", "stream-snippet", "modsecurity-snippet", "auth-snippet",
    ]

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "Ingress") {
            guard let annotations = object.annotations, annotations.isMapping else { continue }
            for (key, _) in annotations.pairs {
                guard let name = key.text, name.hasPrefix("nginx.ingress.kubernetes.io/"),
                    Self.snippets.contains(String(name.dropFirst("nginx.ingress.kubernetes.io/".count)))
                else { continue }
                sink.report(
                    object, at: key,
                    "annotation \(name) pastes raw nginx directives into the controller's configuration",
                    hint: "use the annotation for the setting (headers, rewrites, auth), "
                        + "or a ConfigMap the platform team owns")
            }
        }
    }
}
