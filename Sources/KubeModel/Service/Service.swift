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
        loadBalancerIngress =
            context.mapping(node, "status")
            .flatMap { context.mapping($0, "loadBalancer") }
            .map { context.list($0, "ingress") } ?? []
    }
}

/// `ServiceSpec` with the API defaults applied.
package struct ServiceSpec: Sendable, KubeDecodable {
    /// `sessionAffinityConfig.clientIP.timeoutSeconds` when unset: the API's default, 3 hours.
    package static let defaultClientIPTimeoutSeconds = 10_800

    package var node: YAMLNode?
    /// Default `ClusterIP`.
    package var type: ServiceType
    /// Nil or empty: the Service selects no pods (its endpoints are managed by hand).
    ///
    /// A stored empty map
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
    /// `PreferClose`, `PreferSameZone` or `PreferSameNode`; nil when not set.
    package var trafficDistribution: String?
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

    /// Decodes in one pass over the mapping's pairs, then applies the defaults that depend on the type.
    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.init()
        self.node = node
        var affinityConfig: YAMLNode?
        for (key, value) in node.pairs {
            switch key.text {
            case "type": type = ServiceType(context.string(value) ?? "ClusterIP")
            case "selector":
                let selector = context.stringMap(value)
                self.selector = selector.isEmpty ? nil : selector
            case "ports": ports = context.list(value)
            case "clusterIP": clusterIP = context.string(value)
            case "clusterIPs": clusterIPs = context.strings(value)
            case "ipFamilies": ipFamilies = context.strings(value)
            case "ipFamilyPolicy": ipFamilyPolicy = context.string(value)
            case "externalIPs": externalIPs = context.strings(value)
            case "loadBalancerIP": loadBalancerIP = context.string(value)
            case "loadBalancerSourceRanges": loadBalancerSourceRanges = context.strings(value)
            case "loadBalancerClass": loadBalancerClass = context.string(value)
            case "externalName": externalName = context.string(value)
            case "sessionAffinity": sessionAffinity = context.string(value) ?? "None"
            case "sessionAffinityConfig": affinityConfig = context.mapping(value)
            case "externalTrafficPolicy": externalTrafficPolicy = context.string(value)
            case "internalTrafficPolicy": internalTrafficPolicy = context.string(value) ?? "Cluster"
            case "publishNotReadyAddresses": publishNotReadyAddresses = context.bool(value) ?? false
            case "trafficDistribution": trafficDistribution = context.string(value)
            case "healthCheckNodePort": healthCheckNodePort = context.int(value)
            case "allocateLoadBalancerNodePorts": allocateLoadBalancerNodePorts = context.bool(value)
            default: break
            }
        }
        if sessionAffinity == "ClientIP" {
            let clientIP = affinityConfig.flatMap { context.mapping($0, "clientIP") }
            sessionAffinityTimeoutSeconds = clientIP.flatMap { context.int($0, "timeoutSeconds") }
                ?? Self.defaultClientIPTimeoutSeconds
        }
        if type == .nodePort || type == .loadBalancer, externalTrafficPolicy == nil {
            externalTrafficPolicy = "Cluster"
        }
        if type == .loadBalancer, allocateLoadBalancerNodePorts == nil { allocateLoadBalancerNodePorts = true }
    }

    /// True for a headless Service (`clusterIP: None`).
    package var isHeadless: Bool { clusterIP == "None" }
}

/// `ServiceType`.
///
/// An open set: unknown values are kept as written.
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

    /// Decodes in one pass over the mapping's pairs; `targetPort` defaults to `port` afterwards.
    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        `protocol` = .tcp
        port = 0
        var target: IntOrString?
        for (key, value) in node.pairs {
            switch key.text {
            case "name": name = context.string(value)
            case "protocol": `protocol` = PortProtocol(context.string(value) ?? "TCP")
            case "port": port = context.int(value) ?? 0
            case "targetPort": target = context.intOrString(value)
            case "nodePort": nodePort = context.int(value)
            case "appProtocol": appProtocol = context.string(value)
            default: break
            }
        }
        targetPort = target ?? .int(port)
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
