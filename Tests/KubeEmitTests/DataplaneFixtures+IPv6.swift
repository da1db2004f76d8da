import KubePlan

/// A single-stack IPv6 cluster for the IPv6 proxier (`ip6tables.rules`): two nodes (fd77::11, fd77::12; pods in
/// fd00:244:1::/64 and fd00:244:2::/64), Services in fd00:96::/112, one of each Service shape the IPv6 proxier
/// writes differently (brackets in DNAT targets, `::1/128`, no localhost NodePorts).
extension DataplaneFixtures {
    static let ipv6Nodes = [
        NodeState(name: "node-1", addresses: [addr("fd77::11")], podCIDRs: [cidr("fd00:244:1::/64")]),
        NodeState(name: "node-2", addresses: [addr("fd77::12")], podCIDRs: [cidr("fd00:244:2::/64")]),
    ]

    static var ipv6: ClusterState {
        let pods = [
            pod("shop", "web-a", node: "node-1", ip: "fd00:244:1::10", labels: ["app": "web"]),
            pod("shop", "web-b", node: "node-2", ip: "fd00:244:2::10", labels: ["app": "web"]),
            pod("shop", "web-c", node: "node-2", ip: "fd00:244:2::11", labels: ["app": "web"]),
        ]
        let services = [
            service("shop", "web", clusterIP: "fd00:96::20", selector: ["app": "web"], ports: [http()]),
            service("shop", "web-sticky", clusterIP: "fd00:96::21", selector: ["app": "web"], ports: [http()]) {
                $0.sessionAffinityTimeout = 10800
            },
            service(
                "shop", "web-lb", type: .loadBalancer, clusterIP: "fd00:96::22", selector: ["app": "web"],
                ports: [http(nodePort: 30080)]
            ) {
                $0.loadBalancerIPs = [addr("2001:db8::10"), addr("203.0.113.10")]
                $0.loadBalancerSourceRanges = [cidr("2001:db8:1::/48"), cidr("fd77::/64"), cidr("198.51.100.0/24")]
            },
            service("shop", "local", clusterIP: "fd00:96::23", selector: ["app": "web"], ports: [http()]) {
                $0.internalTrafficPolicy = .local
            },
            service("shop", "empty", clusterIP: "fd00:96::24", selector: ["app": "nothing"], ports: [http()]),
        ]
        return EndpointResolver.resolve(ClusterState(nodes: ipv6Nodes, pods: pods, services: services))
    }
}
