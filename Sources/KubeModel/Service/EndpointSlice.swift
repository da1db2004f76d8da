import KubeYAML

/// `discovery.k8s.io/v1` EndpointSlice.
package struct EndpointSlice: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    /// `IPv4`, `IPv6` or `FQDN`.
    package var addressType: String
    package var endpoints: [SliceEndpoint]
    package var ports: [EndpointPort]

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        addressType = context.string(node, "addressType") ?? ""
        endpoints = context.list(node, "endpoints")
        ports = context.list(node, "ports")
    }

    /// The Service the slice belongs to (`kubernetes.io/service-name` label).
    package var serviceName: String? { metadata.labels["kubernetes.io/service-name"] }
}

/// One endpoint of an EndpointSlice.
package struct SliceEndpoint: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var addresses: [String]
    /// `conditions.ready`; nil means unknown, which consumers treat as ready.
    package var ready: Bool?
    package var serving: Bool?
    package var terminating: Bool?
    package var hostname: String?
    package var nodeName: String?
    package var zone: String?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        addresses = context.strings(node, "addresses")
        if let conditions = context.mapping(node, "conditions") {
            ready = context.bool(conditions, "ready")
            serving = context.bool(conditions, "serving")
            terminating = context.bool(conditions, "terminating")
        }
        hostname = context.string(node, "hostname")
        nodeName = context.string(node, "nodeName")
        zone = context.string(node, "zone")
    }
}
