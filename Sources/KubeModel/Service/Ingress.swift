import KubeYAML

/// `networking.k8s.io/v1` Ingress (older versions stay generic).
package struct Ingress: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var spec: IngressSpec

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        spec = context.decode(node, "spec") ?? IngressSpec()
    }

    /// `spec.ingressClassName`, or the legacy `kubernetes.io/ingress.class` annotation.
    package var className: String? {
        spec.ingressClassName ?? metadata.annotations["kubernetes.io/ingress.class"]
    }
}

/// `IngressSpec`.
package struct IngressSpec: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var ingressClassName: String?
    package var defaultBackend: IngressBackend?
    package var rules: [IngressRule]
    package var tls: [IngressTLS]

    package init() {
        rules = []
        tls = []
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        ingressClassName = context.string(node, "ingressClassName")
        defaultBackend = context.decode(node, "defaultBackend")
        rules = context.list(node, "rules")
        tls = context.list(node, "tls")
    }
}

/// `IngressRule`: a host (empty: every host) and its HTTP paths.
package struct IngressRule: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var host: String
    package var paths: [HTTPIngressPath]

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        host = context.string(node, "host") ?? ""
        paths = context.mapping(node, "http").map { context.list($0, "paths") } ?? []
    }
}

/// `HTTPIngressPath`.
package struct HTTPIngressPath: Sendable, KubeDecodable {
    package var node: YAMLNode?
    /// Nil when omitted (the API requires one for `Exact` and `Prefix`).
    package var path: String?
    /// `Exact`, `Prefix` or `ImplementationSpecific` (required in v1; empty when missing).
    package var pathType: String
    package var backend: IngressBackend

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        path = context.string(node, "path")
        pathType = context.string(node, "pathType") ?? ""
        backend = context.decode(node, "backend") ?? IngressBackend()
    }
}

/// `IngressBackend`: a Service port (by name or number) or a resource reference.
package struct IngressBackend: Sendable, KubeDecodable {
    package var node: YAMLNode?
    /// `service.name`.
    package var serviceName: String?
    /// `service.port.number` as `.int`, or `service.port.name` as `.string`.
    package var servicePort: IntOrString?
    /// `resource` (apiGroup, kind, name).
    package var resource: TypedReference?

    package init() {}

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        if let service = context.mapping(node, "service") {
            serviceName = context.string(service, "name")
            if let port = context.mapping(service, "port") {
                if let number = context.int(port, "number") {
                    servicePort = .int(number)
                } else if let name = context.string(port, "name") {
                    servicePort = .string(name)
                }
            }
        }
        resource = context.decode(node, "resource")
    }
}

/// `TypedLocalObjectReference`.
package struct TypedReference: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var apiGroup: String?
    package var kind: String
    package var name: String

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        apiGroup = context.string(node, "apiGroup")
        kind = context.string(node, "kind") ?? ""
        name = context.string(node, "name") ?? ""
    }
}

/// `IngressTLS`.
package struct IngressTLS: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var hosts: [String]
    package var secretName: String?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        hosts = context.strings(node, "hosts")
        secretName = context.string(node, "secretName")
    }
}
