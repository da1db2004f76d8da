import KubePlan

/// Everything about one service port that is the same on every node, computed once per compile: names, hashed
/// chain names, address strings and the endpoint list with each endpoint's `KUBE-SEP-` chain.
///
/// This mirrors kube-proxy's `servicePortInfo` (which also precomputes its chain names) plus the endpoint
/// strings; only the IPv4 family is planned (`iptables.rules` is the IPv4 proxier's input).
struct ServicePortPlan: Sendable {
    /// One endpoint of the port.
    struct Endpoint: Sendable {
        var ip: String
        /// `IP:port`, the DNAT target and the text hashed into the SEP chain name.
        var text: String
        var port: Int
        var sep: ChainName
        var nodeName: String?
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

    /// NodePort, externalIPs or load-balancer IPs (kube-proxy `ExternallyAccessible`).
    var externallyAccessible: Bool { nodePort != 0 || !loadBalancerIPs.isEmpty || !externalIPs.isEmpty }
    /// kube-proxy `UsesClusterEndpoints`.
    var usesClusterEndpoints: Bool { !internalLocal || externallyAccessible }
    /// kube-proxy `UsesLocalEndpoints`.
    var usesLocalEndpoints: Bool { internalLocal || (externalLocal && externallyAccessible) }
    /// True when the rules differ between nodes: local endpoints matter, or the firewall chain's
    /// allow-from-node rules depend on the node's IP.
    var dependsOnNode: Bool { usesLocalEndpoints || (!sourceRanges.isEmpty && !loadBalancerIPs.isEmpty) }

    /// The IPv4 service ports kube-proxy would program, in the canonical order: Services by the byte order of
    /// `namespace/name` (the order `sortIPTablesRules` gives), ports in spec order. Headless, ExternalName and
    /// IPv6-only Services are skipped (kube-proxy `ShouldSkipService` / per-family proxier).
    static func plans(for state: ClusterState) -> [ServicePortPlan] {
        let services = state.services.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        var plans: [ServicePortPlan] = []
        for service in services {
            guard service.type != .externalName, !service.isHeadless,
                  let clusterIP = service.clusterIPs.first(where: \.isV4)
            else { continue }
            let externallyAccessibleByType = service.type == .loadBalancer || service.type == .nodePort
                || (service.type == .clusterIP && !service.externalIPs.isEmpty)
            let externalLocal = externallyAccessibleByType && service.externalTrafficPolicy == .local
            let needsHealthCheck = service.type == .loadBalancer && externalLocal
            for port in service.ports {
                let name = port.name.isEmpty ? service.key : service.key + ":" + port.name
                let proto = port.proto.lowercased
                plans.append(ServicePortPlan(
                    name: name, proto: proto, clusterIP: clusterIP.description, port: port.port,
                    nodePort: port.nodePort ?? 0,
                    externalIPs: service.externalIPs.filter(\.isV4).map(\.description),
                    loadBalancerIPs: service.loadBalancerIPs.filter(\.isV4).map(\.description),
                    sourceRanges: service.loadBalancerSourceRanges.filter(\.isV4),
                    affinityTimeout: service.sessionAffinityTimeout,
                    internalLocal: service.internalTrafficPolicy == .local, externalLocal: externalLocal,
                    healthCheckNodePort: needsHealthCheck ? service.healthCheckNodePort ?? 0 : 0,
                    chain: ChainName.service(.svc, servicePortName: name, proto: proto),
                    endpoints: endpoints(port.endpoints, servicePortName: name, proto: proto)))
            }
        }
        return plans
    }

    /// IPv4 endpoints, de-duplicated and sorted by `IP:port` unless they already are (the resolver sorts them).
    static func endpoints(_ input: [EndpointState], servicePortName: String, proto: String) -> [Endpoint] {
        var list = input.filter(\.ip.isV4)
        var sorted = true
        var texts: [String] = []
        texts.reserveCapacity(list.count)
        for endpoint in list {
            let text = EndpointResolver.endpointString(endpoint.ip, endpoint.port)
            if let last = texts.last, !last.utf8.lexicographicallyPrecedes(text.utf8) { sorted = false }
            texts.append(text)
        }
        if !sorted {
            list = EndpointResolver.sortedUnique(list)
            texts = list.map { EndpointResolver.endpointString($0.ip, $0.port) }
        }
        return zip(list, texts).map { endpoint, text in
            Endpoint(
                ip: endpoint.ip.description, text: text, port: endpoint.port,
                sep: ChainName.endpoint(servicePortName: servicePortName, proto: proto, endpoint: text),
                nodeName: endpoint.nodeName, ready: endpoint.ready, serving: endpoint.serving,
                terminating: endpoint.terminating)
        }
    }
}
