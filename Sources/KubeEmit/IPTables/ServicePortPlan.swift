import KubeModel
import KubePlan

/// Everything about one service port that is the same on every node, computed once per compile: names, hashed
/// chain names, address strings and the endpoint list with each endpoint's `KUBE-SEP-` chain.
///
/// This mirrors kube-proxy's `servicePortInfo` (which also precomputes its chain names) plus the endpoint
/// strings, for one IP family at a time as kube-proxy runs one proxier per family (`iptables.rules` from the
/// IPv4 plans, `ip6tables.rules` from the IPv6 ones).
struct ServicePortPlan: Sendable {
    /// One endpoint of the port.
    struct Endpoint: Sendable {
        var ip: String
        /// `IP:port`, the DNAT target and the text hashed into the SEP chain name.
        var text: String
        var port: Int
        var sep: ChainName
        var nodeName: String?
        /// The zone of the endpoint's node (`topology.kubernetes.io/zone`): the EndpointSlice controller's zone
        /// hint when the Service prefers its zone; nil when the node has none.
        var zone: String?
        var ready: Bool
        var serving: Bool
        var terminating: Bool
    }

    /// `namespace/name:port` (or `namespace/name` for an unnamed port): kube-proxy's `ServicePortName.String()`.
    var name: String
    /// `tcp`, `udp` or `sctp`.
    var proto: String
    var clusterIP: String
    var port: Int
    /// 0 when the port has no NodePort.
    var nodePort: Int
    var externalIPs: [String]
    var loadBalancerIPs: [String]
    var sourceRanges: [CIDR]
    /// ClientIP affinity timeout, nil without affinity.
    var affinityTimeout: Int?
    var internalLocal: Bool
    /// externalTrafficPolicy Local on a Service that is externally accessible by type (kube-proxy
    /// `apiservice.ExternalPolicyLocal`).
    var externalLocal: Bool
    /// 0 unless a LoadBalancer with externalTrafficPolicy Local (kube-proxy `NeedsHealthCheck`).
    var healthCheckNodePort: Int
    /// The shared hash of the SVC/SVL/EXT/FW chains (kind `.svc`).
    var chain: ChainName
    var endpoints: [Endpoint]
    /// `trafficDistribution: PreferClose`/`PreferSameZone`: cluster endpoints are narrowed to the node's zone.
    var prefersSameZone = false

    /// NodePort, externalIPs or load-balancer IPs (kube-proxy `ExternallyAccessible`).
    var externallyAccessible: Bool { nodePort != 0 || !loadBalancerIPs.isEmpty || !externalIPs.isEmpty }
    /// kube-proxy `UsesClusterEndpoints`.
    var usesClusterEndpoints: Bool { !internalLocal || externallyAccessible }
    /// kube-proxy `UsesLocalEndpoints`.
    var usesLocalEndpoints: Bool { internalLocal || (externalLocal && externallyAccessible) }
    /// True when the rules differ between nodes: local endpoints matter, or the firewall chain's
    /// allow-from-node rules depend on the node's IP.
    var dependsOnNode: Bool {
        usesLocalEndpoints || (!sourceRanges.isEmpty && !loadBalancerIPs.isEmpty)
            || (prefersSameZone && endpoints.contains { $0.zone != nil })
    }

    /// The service ports the family's proxier would program, in the canonical order: Services by the byte order of
    /// `namespace/name` (the order `sortIPTablesRules` gives), ports in spec order. Headless, ExternalName and
    /// IPv6-only Services are skipped (kube-proxy `ShouldSkipService` / per-family proxier).
    static func plans(for state: ClusterState, family: IPFamily = .v4) -> [ServicePortPlan] {
        plans(for: proxiedServices(state, family: family)[...], family: family, zones: zones(of: state))
    }

    /// Each node's `topology.kubernetes.io/zone`, for the endpoints' zone hints.
    static func zones(of state: ClusterState) -> [String: String] {
        var zones: [String: String] = [:]
        for node in state.nodes { if let zone = node.labels[zoneLabel], !zone.isEmpty { zones[node.name] = zone } }
        return zones
    }

    static let zoneLabel = "topology.kubernetes.io/zone"

    /// The Services the family's proxier programs, sorted by the bytes of `namespace/name`.
    static func proxiedServices(_ state: ClusterState, family: IPFamily = .v4) -> [ServiceState] {
        let services = state.services.filter { service in
            service.type != .externalName && !service.isHeadless && service.clusterIPs.contains(where: family.contains)
        }
        let keys = services.map { Array($0.key.utf8) }
        // ClusterState usually arrives sorted already; only sort when it is not.
        if zip(keys, keys.dropFirst()).allSatisfy({ !$1.lexicographicallyPrecedes($0) }) { return services }
        return services.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }.map { services[$0] }
    }

    /// The plans of already sorted, proxied Services.
    static func plans(
        for services: ArraySlice<ServiceState>, family: IPFamily = .v4, zones: [String: String] = [:]
    ) -> [ServicePortPlan] {
        var plans: [ServicePortPlan] = []
        plans.reserveCapacity(services.count)
        for service in services {
            guard let clusterIP = service.clusterIPs.first(where: family.contains) else { continue }
            let externallyAccessibleByType =
                service.type == .loadBalancer || service.type == .nodePort
                || (service.type == .clusterIP && !service.externalIPs.isEmpty)
            let externalLocal = externallyAccessibleByType && service.externalTrafficPolicy == .local
            let needsHealthCheck = service.type == .loadBalancer && externalLocal
            for port in service.ports {
                let name = port.name.isEmpty ? service.key : service.key + ":" + port.name
                // Last line of defence (DataplaneInputGuard checked already): the name is a rule comment.
                guard IPTablesGrammar.isCommentText(name), IPTablesGrammar.isPort(port.port) else { continue }
                let proto: String =
                    switch port.proto {
                    case .tcp: "tcp"
                    case .udp: "udp"
                    case .sctp: "sctp"
                    }
                plans.append(
                    ServicePortPlan(
                        name: name, proto: proto, clusterIP: Self.text(clusterIP), port: port.port,
                        nodePort: port.nodePort ?? 0,
                        externalIPs: service.externalIPs.filter(family.contains).map(\.description),
                        loadBalancerIPs: service.loadBalancerIPs.filter(family.contains).map(\.description),
                        sourceRanges: service.loadBalancerSourceRanges.filter { family.contains($0.network) },
                        affinityTimeout: service.sessionAffinityTimeout,
                        internalLocal: service.internalTrafficPolicy == .local, externalLocal: externalLocal,
                        healthCheckNodePort: needsHealthCheck ? service.healthCheckNodePort ?? 0 : 0,
                        chain: ChainName.service(.svc, servicePortName: name, proto: proto),
                        endpoints: endpoints(
                            port.endpoints, servicePortName: name, proto: proto, family: family,
                            zones: service.prefersSameZone ? zones : [:]),
                        prefersSameZone: service.prefersSameZone))
            }
        }
        return plans
    }

    /// The family's endpoints, de-duplicated and sorted by `IP:port` unless they already are (the resolver sorts
    /// them); IPv6 endpoints are written `[IP]:port`, as kube-proxy's endpoint strings are.
    static func endpoints(
        _ input: [EndpointState], servicePortName: String, proto: String, family: IPFamily = .v4,
        zones: [String: String] = [:]
    ) -> [Endpoint] {
        var result: [Endpoint] = []
        result.reserveCapacity(input.count)
        var sorted = true
        for endpoint in input where family.contains(endpoint.ip) {
            let ip = text(endpoint.ip)
            let text = family == .v4 ? ip + ":" + String(endpoint.port) : IPFamily.hostPort(ip, endpoint.port)
            if let last = result.last, !last.text.utf8.lexicographicallyPrecedes(text.utf8) { sorted = false }
            result.append(
                Endpoint(
                    ip: ip, text: text, port: endpoint.port,
                    sep: ChainName.endpoint(servicePortName: servicePortName, proto: proto, endpoint: text),
                    nodeName: endpoint.nodeName, zone: endpoint.nodeName.flatMap { zones[$0] }, ready: endpoint.ready,
                    serving: endpoint.serving,
                    terminating: endpoint.terminating))
        }
        if sorted { return result }
        return endpoints(
            EndpointResolver.sortedUnique(input), servicePortName: servicePortName, proto: proto, family: family,
            zones: zones)
    }

    /// Address text without string interpolation for IPv4 (dotted quad), canonical text otherwise.
    static func text(_ address: IPAddress) -> String {
        guard case .v4(let value) = address else { return address.description }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(15)
        for shift in [24, 16, 8, 0] {
            let octet = Int(value >> UInt32(shift) & 0xFF)
            if octet >= 100 { bytes.append(UInt8(48 + octet / 100)) }
            if octet >= 10 { bytes.append(UInt8(48 + octet / 10 % 10)) }
            bytes.append(UInt8(48 + octet % 10))
            if shift != 0 { bytes.append(46) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
