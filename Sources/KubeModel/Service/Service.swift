import KubeYAML

/// `v1` Service.
package struct Service: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var spec: ServiceSpec
    /// `status.loadBalancer.ingress` (what a cloud controller would have written; kubec reads it for tests
    /// and for manifests that carry it).
    package var loadBalancerIngress: [LoadBalancerIngress]

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        spec = context.decode(node, "spec") ?? ServiceSpec()
        loadBalancerIngress = context.mapping(node, "status")
            .flatMap { context.mapping($0, "loadBalancer") }
            .map { context.list($0, "ingress") } ?? []
    }
}

/// `ServiceSpec` with the API defaults applied.
package struct ServiceSpec: Sendable, KubeDecodable {
    package var node: YAMLNode?
    /// Default `ClusterIP`.
    package var type: ServiceType
    /// Nil or empty: the Service selects no pods (its endpoints are managed by hand). A stored empty map
    /// round-trips as nil, so kubec treats `selector: {}` like no selector.
    package var selector: [String: String]?
    package var ports: [ServicePort]
    /// `clusterIP` as written: an address, `None` (headless) or nil (allocate one).
    package var clusterIP: String?
    package var clusterIPs: [String]
    package var ipFamilies: [String]
    package var ipFamilyPolicy: String?
    package var externalIPs: [String]
    package var loadBalancerIP: String?
    package var loadBalancerSourceRanges: [String]
    package var loadBalancerClass: String?
    package var externalName: String?
    /// `None` (default) or `ClientIP`.
    package var sessionAffinity: String
    /// `sessionAffinityConfig.clientIP.timeoutSeconds`; 10800 (3 hours) when affinity is `ClientIP`.
    package var sessionAffinityTimeoutSeconds: Int?
    /// `Cluster` (default for NodePort/LoadBalancer) or `Local`; nil for other types.
    package var externalTrafficPolicy: String?
    /// Default `Cluster`.
    package var internalTrafficPolicy: String
    package var publishNotReadyAddresses: Bool
    package var healthCheckNodePort: Int?
    /// Default true for LoadBalancer.
    package var allocateLoadBalancerNodePorts: Bool?

    package init() {
        type = .clusterIP
        ports = []
        clusterIPs = []
        ipFamilies = []
        externalIPs = []
        loadBalancerSourceRanges = []
        sessionAffinity = "None"
        internalTrafficPolicy = "Cluster"
        publishNotReadyAddresses = false
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.init()
        self.node = node
        type = ServiceType(context.string(node, "type") ?? "ClusterIP")
        if node["selector"] != nil {
            let selector = context.stringMap(node, "selector")
            self.selector = selector.isEmpty ? nil : selector
        }
        ports = context.list(node, "ports")
        clusterIP = context.string(node, "clusterIP")
        clusterIPs = context.strings(node, "clusterIPs")
        ipFamilies = context.strings(node, "ipFamilies")
        ipFamilyPolicy = context.string(node, "ipFamilyPolicy")
        externalIPs = context.strings(node, "externalIPs")
        loadBalancerIP = context.string(node, "loadBalancerIP")
        loadBalancerSourceRanges = context.strings(node, "loadBalancerSourceRanges")
        loadBalancerClass = context.string(node, "loadBalancerClass")
        externalName = context.string(node, "externalName")
        sessionAffinity = context.string(node, "sessionAffinity") ?? "None"
        if sessionAffinity == "ClientIP" {
            let clientIP = context.mapping(node, "sessionAffinityConfig").flatMap { context.mapping($0, "clientIP") }
            sessionAffinityTimeoutSeconds = clientIP.flatMap { context.int($0, "timeoutSeconds") } ?? 10800
        }
        let external = context.string(node, "externalTrafficPolicy")
        if type == .nodePort || type == .loadBalancer {
            externalTrafficPolicy = external ?? "Cluster"
        } else {
            externalTrafficPolicy = external
        }
        internalTrafficPolicy = context.string(node, "internalTrafficPolicy") ?? "Cluster"
        publishNotReadyAddresses = context.bool(node, "publishNotReadyAddresses") ?? false
        healthCheckNodePort = context.int(node, "healthCheckNodePort")
        allocateLoadBalancerNodePorts = context.bool(node, "allocateLoadBalancerNodePorts")
        if type == .loadBalancer, allocateLoadBalancerNodePorts == nil { allocateLoadBalancerNodePorts = true }
    }

    /// True for a headless Service (`clusterIP: None`).
    package var isHeadless: Bool { clusterIP == "None" }
}

/// `ServiceType`. An open set: unknown values are kept as written.
package struct ServiceType: Hashable, Sendable, CustomStringConvertible {
    package var rawValue: String
    package init(_ rawValue: String) { self.rawValue = rawValue }
    package var description: String { rawValue }

    package static let clusterIP = ServiceType("ClusterIP")
    package static let nodePort = ServiceType("NodePort")
    package static let loadBalancer = ServiceType("LoadBalancer")
    package static let externalName = ServiceType("ExternalName")
}

/// `ServicePort` with the API defaults applied.
package struct ServicePort: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var name: String?
    /// Default `TCP`.
    package var `protocol`: PortProtocol
    package var port: Int
    /// Default: the same number as `port`.
    package var targetPort: IntOrString
    package var nodePort: Int?
    package var appProtocol: String?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        name = context.string(node, "name")
        `protocol` = PortProtocol(context.string(node, "protocol") ?? "TCP")
        port = context.int(node, "port") ?? 0
        targetPort = context.intOrString(node, "targetPort") ?? .int(port)
        nodePort = context.int(node, "nodePort")
        appProtocol = context.string(node, "appProtocol")
    }
}

/// One `status.loadBalancer.ingress` entry.
package struct LoadBalancerIngress: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var ip: String?
    package var hostname: String?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        ip = context.string(node, "ip")
        hostname = context.string(node, "hostname")
    }
}
