import KubeModel
import KubeYAML

/// Ingress backends that name a Service (or a Service port) absent from the input.
package struct IngressBackendNotFoundRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "ingress-backend-not-found",
        name: "Ingress Backend Not Found",
        summary: "An Ingress backend names a Service, or a port of it, that is not in the input",
        rationale: "The controller answers 503 for the route. A missing Service may live elsewhere (warning); a missing port of a Service that is here is a bug (error).",
        kind: .crossResource, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["dangling-ingress"], kubeScore: ["ingress-targets-service"]),
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
                      let found = target.service else {
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
