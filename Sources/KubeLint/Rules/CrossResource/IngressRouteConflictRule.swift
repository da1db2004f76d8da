import KubeModel
import KubeYAML

/// Two Ingresses routing the same host, path and path type to different backends.
package struct IngressRouteConflictRule: Rule {
    package static let description = RuleDescription(
        id: "ingress-route-conflict",
        name: "Ingress Route Conflict",
        summary: "Two Ingresses of one class route the same host and path to different backends",
        rationale: "Controllers merge Ingresses; which backend wins depends on creation order (ingress-nginx keeps the oldest), so one of the two routes silently does nothing.",
        kind: .crossResource, severity: .warning,
        triggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec:
              rules:
              - host: shop.example.com
                http:
                  paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web-v2
            spec:
              rules:
              - host: shop.example.com
                http:
                  paths:
                  - ↓{path: /, pathType: Prefix, backend: {service: {name: web-v2, port: {number: 80}}}}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec:
              rules:
              - host: shop.example.com
                http:
                  paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: api
            spec:
              rules:
              - host: shop.example.com
                http:
                  paths: [{path: /api, pathType: Prefix, backend: {service: {name: api, port: {number: 80}}}}]
            """,
        ])

    private struct Route: Hashable {
        var namespace: String
        var className: String
        var host: String
        var path: String
        var type: String
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        var first: [Route: (object: ObjectRef, backend: String, node: YAMLNode?)] = [:]
        for object in context.objects(ofKind: "Ingress") {
            guard case .ingress(let ingress) = object.kubeObject else { continue }
            for rule in ingress.spec.rules {
                for path in rule.paths {
                    // Hosts are global to a controller, so the namespace is not part of the route.
                    let route = Route(namespace: "", className: ingress.className ?? "", host: rule.host,
                                      path: path.path ?? "", type: path.pathType)
                    let backend = "\(object.namespace)/\(path.backend.serviceName ?? path.backend.resource?.name ?? ""):"
                        + (path.backend.servicePort?.description ?? "")
                    guard let earlier = first[route] else {
                        first[route] = (object, backend, path.node)
                        continue
                    }
                    guard earlier.object.index != object.index, earlier.backend != backend else { continue }
                    sink.report(object, at: path.node,
                                "host \(rule.host.isEmpty ? "*" : rule.host) path \(path.path ?? "") (\(path.pathType)) is also routed by Ingress \(earlier.object.namespace)/\(earlier.object.name) to \(earlier.backend)",
                                hint: "give each host+path one owner",
                                notes: [DiagnosticNote(message: "the other route", range: earlier.node?.range)])
                }
            }
        }
    }
}
