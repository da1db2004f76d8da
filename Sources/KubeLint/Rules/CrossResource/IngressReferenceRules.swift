import KubeModel
import KubeYAML

/// Ingress backends that name a Service (or a Service port) absent from the input.
package struct IngressBackendNotFoundRule: Rule {
    package static let description = RuleDescription(
        id: "ingress-backend-not-found",
        name: "Ingress Backend Not Found",
        summary: "An Ingress backend names a Service, or a port of it, that is not in the input",
        rationale: "The controller answers 503 for the route. A missing Service may live elsewhere (warning); a missing port of a Service that is here is a bug (error).",
        kind: .crossResource, severity: .warning,
        triggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec:
              rules:
              - http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend: {service: {name: ↓webapp, port: {number: 80}}}
                  - path: /api
                    pathType: Prefix
                    backend: {service: {name: web, port: {name: ↓https}}}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports: [{name: http, port: 80}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec:
              defaultBackend: {service: {name: web, port: {name: http}}}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: web
            spec:
              ports: [{name: http, port: 80}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "Ingress") {
            guard case .ingress(let ingress) = object.kubeObject else { continue }
            var backends: [IngressBackend] = ingress.spec.defaultBackend.map { [$0] } ?? []
            for rule in ingress.spec.rules { backends += rule.paths.map(\.backend) }
            for backend in backends {
                guard let name = backend.serviceName, !name.isEmpty, let service = backend.node?["service"] else { continue }
                guard let target = context.object(kind: "Service", namespace: object.namespace, name: name),
                      case .service(let found) = target.kubeObject else {
                    sink.report(object, at: service["name"] ?? service,
                                "backend Service \(FieldValue.quote(name)) is not in namespace \(object.namespace) in the input",
                                hint: "check the Service name and namespace")
                    continue
                }
                guard let port = backend.servicePort, found.spec.type != .externalName else { continue }
                let exists = found.spec.ports.contains { servicePort in
                    switch port {
                    case .int(let number): servicePort.port == number
                    case .string(let portName): servicePort.name == portName
                    }
                }
                if !exists {
                    let node = service["port"]?["number"] ?? service["port"]?["name"] ?? service
                    let list = found.spec.ports.map { p in p.name.map { "\($0)/\(p.port)" } ?? "\(p.port)" }.joined(separator: ", ")
                    sink.report(object, at: node,
                                "Service \(name) has no port \(FieldValue.quote(port.description)) (it has \(list.isEmpty ? "none" : list))",
                                hint: "use one of the Service's port names or numbers", severity: .error)
                }
            }
        }
    }
}

/// An `ingressClassName` that names no IngressClass of the input (info: classes are often installed with
/// the controller, outside the application's manifests).
package struct IngressClassNotFoundRule: Rule {
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
