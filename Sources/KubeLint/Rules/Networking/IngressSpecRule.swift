import KubeModel
import KubeYAML

/// Ingress specs (networking.k8s.io/v1): hosts (wildcard only as the first label, every label ≤ 63
/// characters), paths absolute with a pathType, backends with a service XOR a resource and a port name XOR
/// number, TLS hosts, and rules or a default backend.
package struct IngressSpecRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-ingress-spec",
        name: "Invalid Ingress Spec",
        summary: "Ingress hosts, paths, pathTypes, backends and TLS hosts are valid",
        rationale: "The API server rejects the Ingress; it also accepts host labels over 63 characters, which no DNS name can have.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec:
              tls:
              - hosts: [↓"*.*.example.com"]
              rules:
              - host: ↓www.Example.com
                http:
                  paths:
                  - path: ↓api
                    pathType: Prefix
                    backend: {service: {name: web, port: {number: 80}}}
                  - path: /
                    ↓backend: {service: {name: web, port: {number: 80}}}
                  - path: /static
                    pathType: Exact
                    backend:
                      ↓service: {name: web, port: {name: http, number: 80}}
            """,
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec:
              rules:
              - host: ↓a-very-long-label-that-goes-on-and-on-and-on-for-more-than-63-chars.example.com
                http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend: ↓{}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: web
            spec:
              ingressClassName: nginx
              tls: [{hosts: ["*.example.com"], secretName: wildcard-tls}]
              rules:
              - host: "*.example.com"
                http:
                  paths:
                  - {path: /, pathType: Prefix, backend: {service: {name: web, port: {name: http}}}}
                  - {pathType: ImplementationSpecific, backend: {resource: {apiGroup: k8s.example.com, kind: Bucket, name: assets}}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "Ingress") where object.identity.apiVersion == "networking.k8s.io/v1" {
            guard let spec = object.spec, spec.isMapping else { continue }
            let rules = spec["rules"]?.sequenceItems ?? []
            if rules.isEmpty, spec["defaultBackend"] == nil {
                sink.fieldError(object, at: object.node.pair(forKey: "spec")?.key, pathOf: spec,
                                .invalid(.string(""), "either `defaultBackend` or `rules` must be specified"))
            }
            if let backend = spec["defaultBackend"] { checkBackend(backend, object, &sink) }
            for tls in spec["tls"]?.sequenceItems ?? [] {
                for host in tls["hosts"]?.sequenceItems ?? [] { checkHost(host, object, &sink) }
                if let secret = tls["secretName"], let name = secret.text, !name.isEmpty {
                    for error in NameValidation.dns1123Subdomain(name) {
                        sink.fieldError(object, at: secret, .invalid(.string(name), error))
                    }
                }
            }
            for rule in rules where rule.isMapping {
                if let host = rule["host"], !(host.text ?? "").isEmpty { checkHost(host, object, &sink) }
                guard let http = rule["http"], http.isMapping else { continue }
                let paths = http["paths"]?.sequenceItems ?? []
                if paths.isEmpty {
                    sink.fieldError(object, at: http["paths"] ?? rule.pair(forKey: "http")?.key, pathOf: http["paths"] ?? http,
                                    missingKey: http["paths"] == nil ? "paths" : nil, .required(""))
                }
                for path in paths where path.isMapping { checkPath(path, object, &sink) }
            }
        }
    }

    private func checkHost(_ host: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        guard let text = host.text else { return }
        let facts = IngressSyntax.host(text)
        if facts.isIPAddress {
            sink.fieldError(object, at: host, .invalid(.string(text), "must be a DNS name, not an IP address"))
            return
        }
        if !facts.isSubdomain {
            // The API server's wording for the rule the host breaks.
            let errors = facts.isWildcard
                ? NameValidation.wildcardDNS1123Subdomain(text) : NameValidation.dns1123Subdomain(text)
            for error in errors { sink.fieldError(object, at: host, .invalid(.string(text), error)) }
        } else if let long = facts.longLabel {
            sink.fieldError(object, at: host, .invalid(
                .string(text), "label '\(long)' is longer than 63 characters; the API server accepts it, but no DNS name can have it"))
        }
    }

    private func checkPath(_ path: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        let first = path.pairs.first?.key ?? path
        let typeNode = path["pathType"]
        let type = typeNode?.text ?? ""
        if typeNode == nil || type.isEmpty {
            sink.fieldError(object, at: path.pair(forKey: "backend")?.key ?? first, pathOf: path, missingKey: "pathType",
                            .required("pathType must be specified"), hint: "use Prefix for most routes, Exact for one path")
        } else {
            SpecChecks.oneOf(path, "pathType", ["Exact", "ImplementationSpecific", "Prefix"], object, &sink)
        }
        if let pathNode = path["path"], let text = pathNode.text, !text.isEmpty || type != "ImplementationSpecific" {
            if !text.hasPrefix("/") {
                sink.fieldError(object, at: pathNode, .invalid(.string(text), "must be an absolute path"))
            } else if type == "Exact" || type == "Prefix" {
                for violation in IngressSyntax.pathViolations(text) {
                    let message = switch violation {
                    case .contains(let bad): "must not contain '\(bad)'"
                    case .endsWith(let bad): "cannot end with '\(bad)'"
                    }
                    sink.fieldError(object, at: pathNode, .invalid(.string(text), message))
                }
            }
        } else if path["path"] == nil, type == "Exact" || type == "Prefix" {
            sink.fieldError(object, at: first, pathOf: path, missingKey: "path", .invalid(.string(""), "must be an absolute path"))
        }
        if let backend = path["backend"] {
            checkBackend(backend, object, &sink)
        } else {
            sink.fieldError(object, at: first, pathOf: path, missingKey: "backend", .required(""))
        }
    }

    private func checkBackend(_ backend: YAMLNode, _ object: ObjectRef, _ sink: inout FindingSink) {
        let service = backend["service"]
        let resource = backend["resource"]
        let anchor = backend.pairs.first?.key ?? backend
        switch (service, resource) {
        case (.some, .some):
            sink.fieldError(object, at: anchor, pathOf: backend, .invalid(.string(""), "cannot set both resource and service backends"))
        case (nil, nil):
            sink.fieldError(object, at: backend.isFlow ? backend : anchor, pathOf: backend,
                            .invalid(.string(""), "resource or service backend is required"))
        case (.some(let service), nil):
            if let name = service["name"], let text = name.text, !text.isEmpty {
                for error in NameValidation.dns1035Label(text) {
                    sink.fieldError(object, at: name, .invalid(.string(text), error))
                }
            } else {
                sink.fieldError(object, at: service, pathOf: service, missingKey: "name", .required(""))
            }
            let port = service["port"]
            let portName = port?["name"]?.text ?? ""
            let portNumber = port?["number"]?.integer ?? 0
            if !portName.isEmpty, portNumber != 0 {
                sink.fieldError(object, at: backend.pair(forKey: "service")?.key, pathOf: port,
                                .invalid(.string(""), "cannot set both port name & port number"))
            } else if !portName.isEmpty, let node = port?["name"] {
                for error in NameValidation.portName(portName) { sink.fieldError(object, at: node, .invalid(.string(portName), error)) }
            } else if portNumber != 0, let node = port?["number"] {
                for error in NameValidation.portNumber(Int(portNumber)) {
                    sink.fieldError(object, at: node, .invalid(.int(Int(portNumber)), error))
                }
            } else {
                sink.fieldError(object, at: port ?? service, pathOf: port ?? service, missingKey: port == nil ? "port" : nil,
                                .required("port name or number is required"))
            }
        case (nil, .some):
            break
        }
    }
}
