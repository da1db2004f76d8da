import KubeYAML

/// An Ingress with its backends resolved to services and endpoints.
package struct IngressState: Sendable, Hashable {
    package var namespace: String
    package var name: String
    /// `spec.ingressClassName`, or the legacy `kubernetes.io/ingress.class` annotation.
    package var className: String?
    package var rules: [IngressRuleState]
    package var tls: [IngressTLSState]
    package var defaultBackend: IngressBackendState?
    /// Every annotation as written; the nginx emitter validates the ones it supports.
    package var annotations: [String: String]
    /// Where each annotation's key is written, so a finding about one points at it.
    package var annotationSources: [String: SourceRange] = [:]
    package var source: SourceRange?

    package init(
        namespace: String, name: String, className: String? = nil, rules: [IngressRuleState] = [],
        tls: [IngressTLSState] = [], defaultBackend: IngressBackendState? = nil, annotations: [String: String] = [:],
        source: SourceRange? = nil
    ) {
        self.namespace = namespace
        self.name = name
        self.className = className
        self.rules = rules
        self.tls = tls
        self.defaultBackend = defaultBackend
        self.annotations = annotations
        self.source = source
    }
}

/// One `spec.rules[]` entry: a host (empty for all hosts) and its paths.
package struct IngressRuleState: Sendable, Hashable {
    package var host: String
    package var paths: [IngressPathState]
    package var source: SourceRange?

    package init(host: String, paths: [IngressPathState], source: SourceRange? = nil) {
        self.host = host
        self.paths = paths
        self.source = source
    }
}

/// One HTTP path of a rule.
package struct IngressPathState: Sendable, Hashable {
    package enum PathType: String, Sendable, Hashable {
        case exact = "Exact"
        case prefix = "Prefix"
        case implementationSpecific = "ImplementationSpecific"
    }

    package var path: String
    package var pathType: PathType
    package var backend: IngressBackendState
    package var source: SourceRange?

    package init(path: String, pathType: PathType, backend: IngressBackendState, source: SourceRange? = nil) {
        self.path = path
        self.pathType = pathType
        self.backend = backend
        self.source = source
    }
}

/// A backend: a Service port (by number or name) with the endpoints it resolves to.
package struct IngressBackendState: Sendable, Hashable {
    package enum Port: Sendable, Hashable {
        case number(Int)
        case name(String)
    }

    package var serviceName: String
    package var port: Port
    /// The endpoints of the matching service port; empty when the service or port is missing.
    package var endpoints: [EndpointState]

    package init(serviceName: String, port: Port, endpoints: [EndpointState] = []) {
        self.serviceName = serviceName
        self.port = port
        self.endpoints = endpoints
    }
}

/// One `spec.tls[]` entry.
package struct IngressTLSState: Sendable, Hashable {
    package var hosts: [String]
    package var secretName: String?

    package init(hosts: [String], secretName: String?) {
        self.hosts = hosts
        self.secretName = secretName
    }
}
