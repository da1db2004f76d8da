import KubeModel
import KubePlan

/// What kube-proxy's IPVS proxier programs on one node, before rendering: virtual servers with their real
/// servers, ipset members, addresses bound to `kube-ipvs0`, and LB IPs the node must not reach.
///
/// Built by following `syncProxyRules` in pkg/proxy/ipvs/proxier.go for each service port of one family's
/// proxier.
struct IPVSNodeModel {
    /// An IPVS virtual server and its real servers (`IP:port` texts).
    struct VirtualServer {
        var proto: KubePlan.PortProtocol
        var address: IPAddress
        var port: Int
        var persistence: Int?
        var realServers: [(address: IPAddress, port: Int)]
    }

    var virtualServers: [VirtualServer] = []
    var sets = IPSetContents()
    var boundAddresses: Set<IPAddress> = []
    /// (LB IP, protocol, port) with source ranges that exclude the node (KUBE-IPVS-OUT-FILTER).
    var noNodeAccess: [(ip: String, proto: String, port: Int)] = []

    init(plans: [ServicePortPlan], node: NodeState, family: IPFamily = .v4) {
        let nodeIPs = node.addresses.filter { family.contains($0) && !IPVSNodeModel.isLoopback($0) }
        let nodeIP = nodeIPs.first
        let nodeAddressSet = Set(nodeIPs)
        for plan in plans {
            guard let clusterIP = IPAddress(plan.clusterIP) else { continue }
            let decision = TrafficDecision(plan, nodeName: node.name, nodeZone: node.labels[ServicePortPlan.zoneLabel])
            let proto = KubePlan.PortProtocol(rawValue: plan.proto.uppercased()) ?? .tcp
            let persistence = plan.affinityTimeout
            func realServers(onlyLocal: Bool) -> [(address: IPAddress, port: Int)] {
                let indices =
                    onlyLocal && !decision.localEndpoints.isEmpty ? decision.localEndpoints : decision.clusterEndpoints
                return indices.compactMap { index in
                    let endpoint = plan.endpoints[index]
                    guard let address = IPAddress(endpoint.ip) else { return nil }
                    return (address, endpoint.port)
                }
            }
            func entry(_ ip: String, _ port: Int) -> String { "\(ip),\(plan.proto):\(port)" }

            for endpoint in plan.endpoints where endpoint.nodeName == node.name {
                sets.insert("\(endpoint.ip),\(plan.proto):\(endpoint.port),\(endpoint.ip)", into: .loopBack)
            }
            sets.insert(entry(plan.clusterIP, plan.port), into: .clusterIP)
            virtualServers.append(
                VirtualServer(
                    proto: proto, address: clusterIP, port: plan.port, persistence: persistence,
                    realServers: realServers(onlyLocal: plan.internalLocal)))
            boundAddresses.insert(clusterIP)

            for text in plan.externalIPs {
                guard let address = IPAddress(text) else { continue }
                sets.insert(entry(text, plan.port), into: plan.externalLocal ? .externalIPLocal : .externalIP)
                virtualServers.append(
                    VirtualServer(
                        proto: proto, address: address, port: plan.port, persistence: persistence,
                        realServers: realServers(onlyLocal: plan.externalLocal)))
                if !nodeAddressSet.contains(address) { boundAddresses.insert(address) }
            }

            for text in plan.loadBalancerIPs {
                guard let address = IPAddress(text) else { continue }
                sets.insert(entry(text, plan.port), into: .loadBalancer)
                if plan.externalLocal { sets.insert(entry(text, plan.port), into: .loadBalancerLocal) }
                if !plan.sourceRanges.isEmpty {
                    sets.insert(entry(text, plan.port), into: .loadBalancerFW)
                    var allowFromNode = false
                    for range in plan.sourceRanges {
                        sets.insert(entry(text, plan.port) + ",\(range)", into: .loadBalancerSourceCIDR)
                        if let nodeIP, range.contains(nodeIP) { allowFromNode = true }
                    }
                    if allowFromNode {
                        sets.insert(entry(text, plan.port) + ",\(text)", into: .loadBalancerSourceIP)
                    } else {
                        noNodeAccess.append((text, plan.proto, plan.port))
                    }
                }
                virtualServers.append(
                    VirtualServer(
                        proto: proto, address: address, port: plan.port, persistence: persistence,
                        realServers: realServers(onlyLocal: plan.externalLocal)))
                if !nodeAddressSet.contains(address) { boundAddresses.insert(address) }
            }

            if plan.nodePort != 0 {
                // kube-proxy skips the rest of the port (health check included) when it has no node IPs.
                guard !nodeIPs.isEmpty else { continue }
                let (set, localSet): (IPSetName, IPSetName) =
                    switch proto {
                    case .tcp: (.nodePortTCP, .nodePortLocalTCP)
                    case .udp: (.nodePortUDP, .nodePortLocalUDP)
                    case .sctp: (.nodePortSCTP, .nodePortLocalSCTP)
                    }
                let entries =
                    proto == .sctp
                    ? nodeIPs.map { entry($0.description, plan.nodePort) } : [String(plan.nodePort)]
                for member in entries {
                    sets.insert(member, into: set)
                    if plan.externalLocal { sets.insert(member, into: localSet) }
                }
                for address in nodeIPs {
                    virtualServers.append(
                        VirtualServer(
                            proto: proto, address: address, port: plan.nodePort, persistence: persistence,
                            realServers: realServers(onlyLocal: plan.externalLocal)))
                }
            }
            if plan.healthCheckNodePort != 0 {
                sets.insert(String(plan.healthCheckNodePort), into: .healthCheckNodePort)
            }
        }
        for address in boundAddresses { sets.insert(address.description, into: .ipvsIPs) }
    }

    static func isLoopback(_ address: IPAddress) -> Bool {
        switch address {
        case .v4(let value): value >> 24 == 127
        case .v6(let high, let low): high == 0 && low == 1
        }
    }

    /// ipvsadm's listing order: protocol number, then address, then port.
    static func protocolNumber(_ proto: KubePlan.PortProtocol) -> Int {
        switch proto {
        case .tcp: 6
        case .udp: 17
        case .sctp: 132
        }
    }
}
