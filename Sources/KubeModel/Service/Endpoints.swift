import KubeYAML

/// `v1` Endpoints (hand-written ones, for Services without a selector).
package struct Endpoints: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var subsets: [EndpointSubset]

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        subsets = context.list(node, "subsets")
    }
}

/// `EndpointSubset`: addresses × ports.
package struct EndpointSubset: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var addresses: [EndpointAddress]
    package var notReadyAddresses: [EndpointAddress]
    package var ports: [EndpointPort]

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        addresses = context.list(node, "addresses")
        notReadyAddresses = context.list(node, "notReadyAddresses")
        ports = context.list(node, "ports")
    }
}

/// `EndpointAddress`.
package struct EndpointAddress: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var ip: String
    package var hostname: String?
    package var nodeName: String?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        ip = context.string(node, "ip") ?? ""
        hostname = context.string(node, "hostname")
        nodeName = context.string(node, "nodeName")
    }
}

/// `EndpointPort` (also `discovery.k8s.io/v1` EndpointSlice ports): protocol defaults to TCP.
package struct EndpointPort: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var name: String?
    /// Nil in an EndpointSlice means "all ports".
    package var port: Int?
    package var `protocol`: PortProtocol
    package var appProtocol: String?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        name = context.string(node, "name")
        port = context.int(node, "port")
        `protocol` = PortProtocol(context.string(node, "protocol") ?? "TCP")
        appProtocol = context.string(node, "appProtocol")
    }
}
