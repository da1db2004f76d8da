import KubeModel

/// kube-proxy's IPVS-mode ipsets (pkg/proxy/ipvs/ipset.go and `ipsetInfo` in proxier.go): names, types and the
/// comments its iptables rules carry, in kube-proxy's declaration order.
enum IPSetName: String, CaseIterable, Sendable {
    case loopBack = "KUBE-LOOP-BACK"
    case clusterIP = "KUBE-CLUSTER-IP"
    case externalIP = "KUBE-EXTERNAL-IP"
    case externalIPLocal = "KUBE-EXTERNAL-IP-LOCAL"
    case loadBalancer = "KUBE-LOAD-BALANCER"
    case loadBalancerFW = "KUBE-LOAD-BALANCER-FW"
    case loadBalancerLocal = "KUBE-LOAD-BALANCER-LOCAL"
    case loadBalancerSourceIP = "KUBE-LOAD-BALANCER-SOURCE-IP"
    case loadBalancerSourceCIDR = "KUBE-LOAD-BALANCER-SOURCE-CIDR"
    case nodePortTCP = "KUBE-NODE-PORT-TCP"
    case nodePortLocalTCP = "KUBE-NODE-PORT-LOCAL-TCP"
    case nodePortUDP = "KUBE-NODE-PORT-UDP"
    case nodePortLocalUDP = "KUBE-NODE-PORT-LOCAL-UDP"
    case nodePortSCTP = "KUBE-NODE-PORT-SCTP-HASH"
    case nodePortLocalSCTP = "KUBE-NODE-PORT-LOCAL-SCTP-HASH"
    case healthCheckNodePort = "KUBE-HEALTH-CHECK-NODE-PORT"
    case ipvsIPs = "KUBE-IPVS-IPS"

    /// The ipset type.
    var type: String {
        switch self {
        case .loopBack, .loadBalancerSourceIP: "hash:ip,port,ip"
        case .loadBalancerSourceCIDR: "hash:ip,port,net"
        case .nodePortTCP, .nodePortLocalTCP, .nodePortUDP, .nodePortLocalUDP, .healthCheckNodePort: "bitmap:port"
        case .ipvsIPs: "hash:ip"
        default: "hash:ip,port"
        }
    }

    /// The set's name in a family's proxier: the IPv6 proxier's sets are `KUBE-6-…`, cut to ipset's 31
    /// characters (kube-proxy's `NewIPSet`), so both families' sets can coexist.
    func name(_ family: IPFamily) -> String {
        guard family == .v6 else { return rawValue }
        return String(("KUBE-6-" + rawValue.dropFirst("KUBE-".count)).prefix(31))
    }

    /// `create` arguments after the name (pkg/util/ipset defaults: hashsize 1024, maxelem 65536, ports 0-65535).
    func createOptions(_ family: IPFamily) -> String {
        type == "bitmap:port"
            ? "bitmap:port range 0-65535"
            : type + " family \(family == .v4 ? "inet" : "inet6") hashsize 1024 maxelem 65536"
    }

    /// The comment kube-proxy puts on iptables rules matching the set.
    var comment: String {
        switch self {
        case .loopBack: "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose"
        case .clusterIP: "Kubernetes service cluster ip + port for masquerade purpose"
        case .externalIP: "Kubernetes service external ip + port for masquerade and filter purpose"
        case .externalIPLocal: "Kubernetes service external ip + port with externalTrafficPolicy=local"
        case .loadBalancer: "Kubernetes service lb portal"
        case .loadBalancerFW: "Kubernetes service load balancer ip + port for load balancer with sourceRange"
        case .loadBalancerLocal: "Kubernetes service load balancer ip + port with externalTrafficPolicy=local"
        case .loadBalancerSourceIP: "Kubernetes service load balancer ip + port + source IP for packet filter purpose"
        case .loadBalancerSourceCIDR:
            "Kubernetes service load balancer ip + port + source cidr for packet filter purpose"
        case .nodePortTCP: "Kubernetes nodeport TCP port for masquerade purpose"
        case .nodePortLocalTCP: "Kubernetes nodeport TCP port with externalTrafficPolicy=local"
        case .nodePortUDP: "Kubernetes nodeport UDP port for masquerade purpose"
        case .nodePortLocalUDP: "Kubernetes nodeport UDP port with externalTrafficPolicy=local"
        case .nodePortSCTP: "Kubernetes nodeport SCTP port for masquerade purpose with type 'hash ip:port'"
        case .nodePortLocalSCTP:
            "Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type 'hash ip:port'"
        case .healthCheckNodePort: "Kubernetes health check node port"
        case .ipvsIPs: "Addresses on the ipvs interface"
        }
    }
}

/// The sets of one node with their members (ipset entry syntax: `IP,proto:port[,IP2|,CIDR]` or `port`).
struct IPSetContents {
    private(set) var members: [IPSetName: Set<String>] = [:]

    mutating func insert(_ entry: String, into set: IPSetName) {
        members[set, default: []].insert(entry)
    }

    func isEmpty(_ set: IPSetName) -> Bool { members[set]?.isEmpty ?? true }

    /// Members in a stable order: numeric for bitmap ports, otherwise by address then the rest.
    func sortedMembers(_ set: IPSetName) -> [String] {
        let entries = members[set] ?? []
        return entries.sorted { IPSetContents.entryKey($0) < IPSetContents.entryKey($1) }
    }

    /// Sort key: the leading address as a zero-padded number (or the port), then the text.
    static func entryKey(_ entry: String) -> String {
        let head = entry.split(separator: ",", maxSplits: 1).first.map(String.init) ?? entry
        if let port = Int(head) { return String(repeating: "0", count: max(0, 10 - String(port).count)) + String(port) }
        if case .v6(let high, let low)? = IPAddress(head) {
            return String(format: "%016llx%016llx", high, low) + entry.dropFirst(head.count)
        }
        let octets = head.split(separator: ".").compactMap { Int($0) }
        guard octets.count == 4 else { return entry }
        let padded = octets.map { String(repeating: "0", count: 3 - String($0).count) + String($0) }.joined(
            separator: ".")
        return padded + entry.dropFirst(head.count)
    }
}
