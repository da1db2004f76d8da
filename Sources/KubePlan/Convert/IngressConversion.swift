import KubeModel

/// Model Ingresses → `IngressState`, in (namespace, name) order. Backend endpoints are left empty for the
/// endpoint resolver; `resource` backends (not Services) are left out.
enum IngressConversion {
    static func convert(_ ingresses: [Ingress]) -> [IngressState] {
        ingresses.sorted {
            ($0.metadata.namespace ?? "", $0.metadata.name) < ($1.metadata.namespace ?? "", $1.metadata.name)
        }
        .map { ingress in
            var state = IngressState(
                namespace: ingress.metadata.namespace ?? "default", name: ingress.metadata.name,
                className: ingress.className,
                rules: ingress.spec.rules.map { rule in
                    IngressRuleState(
                        host: rule.host,
                        paths: rule.paths.compactMap { path in
                            guard let backend = backend(path.backend) else { return nil }
                            let type = IngressPathState.PathType(rawValue: path.pathType) ?? .implementationSpecific
                            return IngressPathState(
                                path: path.path ?? "/", pathType: type, backend: backend,
                                source: path.node?.range)
                        }, source: rule.node?.range)
                },
                tls: ingress.spec.tls.map { IngressTLSState(hosts: $0.hosts, secretName: $0.secretName) },
                defaultBackend: ingress.spec.defaultBackend.flatMap(backend),
                annotations: ingress.metadata.annotations, source: ingress.node.range)
            if let annotations = ingress.node["metadata"]?["annotations"], annotations.isMapping {
                for (key, _) in annotations.pairs {
                    if let text = key.text { state.annotationSources[text] = key.range }
                }
            }
            return state
        }
    }

    static func backend(_ backend: IngressBackend) -> IngressBackendState? {
        guard let name = backend.serviceName, let port = backend.servicePort else { return nil }
        switch port {
        case .int(let number): return IngressBackendState(serviceName: name, port: .number(number))
        case .string(let text): return IngressBackendState(serviceName: name, port: .name(text))
        }
    }
}
