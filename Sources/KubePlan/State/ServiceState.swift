import KubeModel
import KubeYAML

/// A Service with its IPs allocated and its endpoints resolved.
package struct ServiceState: Sendable, Hashable {
    package enum ServiceType: String, Sendable, Hashable {
        case clusterIP = "ClusterIP"
        case nodePort = "NodePort"
        case loadBalancer = "LoadBalancer"
        case externalName = "ExternalName"
    }

    /// `Cluster` or `Local`, for externalTrafficPolicy and internalTrafficPolicy.
    package enum TrafficPolicy: String, Sendable, Hashable {
        case cluster = "Cluster"
        case local = "Local"
    }

    package var namespace: String
    package var name: String
    package var type: ServiceType
    /// Empty for headless (`clusterIP: None`) and ExternalName services.
    package var clusterIPs: [IPAddress]
    package var isHeadless: Bool
    package var ports: [ServicePortState]
    /// Nil when the Service has no selector (endpoints then come from Endpoints/EndpointSlice objects).
    package var selector: [String: String]?
    package var externalIPs: [IPAddress]
    /// `status.loadBalancer.ingress[].ip`.
    package var loadBalancerIPs: [IPAddress]
    package var loadBalancerSourceRanges: [CIDR]
    package var externalName: String?
    /// Where `spec.externalName` is written, so a finding about it points at the field.
    package var externalNameSource: SourceRange?
    /// ClientIP affinity timeout in seconds, nil for `sessionAffinity: None`.
    package var sessionAffinityTimeout: Int?
    package var externalTrafficPolicy: TrafficPolicy
    package var internalTrafficPolicy: TrafficPolicy
    package var healthCheckNodePort: Int?
    package var publishNotReadyAddresses: Bool
    /// `spec.trafficDistribution` is `PreferClose` or `PreferSameZone`: the EndpointSlice controller hints each
    /// endpoint for its own zone, and kube-proxy prefers the endpoints of its node's zone.
    package var prefersSameZone = false
    /// The Service's IP families, primary first (the families of its cluster IPs; for a headless Service the
    /// ones the API server assigns). Its endpoints are the pod addresses of these families; empty means the
    /// pods' primary addresses.
    package var ipFamilies: [IPFamily] = []
    package var source: SourceRange?

    package init(
        namespace: String, name: String, type: ServiceType = .clusterIP, clusterIPs: [IPAddress] = [],
        isHeadless: Bool = false, ports: [ServicePortState] = [], selector: [String: String]? = nil,
        externalIPs: [IPAddress] = [], loadBalancerIPs: [IPAddress] = [], loadBalancerSourceRanges: [CIDR] = [],
        externalName: String? = nil, sessionAffinityTimeout: Int? = nil, externalTrafficPolicy: TrafficPolicy = .cluster,
        internalTrafficPolicy: TrafficPolicy = .cluster, healthCheckNodePort: Int? = nil,
        publishNotReadyAddresses: Bool = false, source: SourceRange? = nil
    ) {
        self.namespace = namespace
        self.name = name
        self.type = type
        self.clusterIPs = clusterIPs
        self.isHeadless = isHeadless
        self.ports = ports
        self.selector = selector
        self.externalIPs = externalIPs
        self.loadBalancerIPs = loadBalancerIPs
        self.loadBalancerSourceRanges = loadBalancerSourceRanges
        self.externalName = externalName
        self.sessionAffinityTimeout = sessionAffinityTimeout
        self.externalTrafficPolicy = externalTrafficPolicy
        self.internalTrafficPolicy = internalTrafficPolicy
        self.healthCheckNodePort = healthCheckNodePort
        self.publishNotReadyAddresses = publishNotReadyAddresses
        self.source = source
    }

    /// `namespace/name`, kube-proxy's service key.
    package var key: String { "\(namespace)/\(name)" }
}

/// One port of a Service, with its endpoints.
package struct ServicePortState: Sendable, Hashable {
    /// Empty when the Service has a single unnamed port.
    package var name: String
    package var proto: PortProtocol
    package var port: Int
    /// The targetPort as written: a number or a container port name.
    package var targetPort: TargetPort
    /// Nil unless NodePort or LoadBalancer (allocated when not given).
    package var nodePort: Int?
    /// Endpoints for this port, each with the port resolved for its pod.
    package var endpoints: [EndpointState]

    package init(
        name: String = "", proto: PortProtocol = .tcp, port: Int, targetPort: TargetPort, nodePort: Int? = nil,
        endpoints: [EndpointState] = []
    ) {
        self.name = name
        self.proto = proto
        self.port = port
        self.targetPort = targetPort
        self.nodePort = nodePort
        self.endpoints = endpoints
    }
}

/// A Service targetPort: a number, or the name of a container port looked up per pod.
package enum TargetPort: Sendable, Hashable {
    case number(Int)
    case name(String)
}

/// One backend of a service port: an address and port, where it runs and whether it is ready.
package struct EndpointState: Sendable, Hashable {
    package var ip: IPAddress
    package var port: Int
    package var nodeName: String?
    package var ready: Bool
    package var serving: Bool
    package var terminating: Bool
    /// The pod's `namespace/name` when the endpoint is a pod.
    package var podName: String?
    /// DNS hostname for headless services (`spec.hostname` with a matching subdomain).
    package var hostname: String?

    package init(
        ip: IPAddress, port: Int, nodeName: String? = nil, ready: Bool = true, serving: Bool = true,
        terminating: Bool = false, podName: String? = nil, hostname: String? = nil
    ) {
        self.ip = ip
        self.port = port
        self.nodeName = nodeName
        self.ready = ready
        self.serving = serving
        self.terminating = terminating
        self.podName = podName
        self.hostname = hostname
    }
}
