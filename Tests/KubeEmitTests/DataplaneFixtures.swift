import KubePlan

/// Small clusters, one per dataplane feature, built from pods and selectors and resolved by
/// `EndpointResolver` (as `kubec compile` does). Two nodes: node-1 (192.168.10.11, pods 10.244.1.0/24) and
/// node-2 (192.168.10.12, pods 10.244.2.0/24); services in 10.96.0.0/12.
enum DataplaneFixtures {
    static let nodes = [
        NodeState(name: "node-1", addresses: [addr("192.168.10.11")], podCIDRs: [cidr("10.244.1.0/24")]),
        NodeState(name: "node-2", addresses: [addr("192.168.10.12")], podCIDRs: [cidr("10.244.2.0/24")]),
    ]

    static func pod(
        _ namespace: String, _ name: String, node: String, ip: String, labels: [String: String],
        ports: [PodPort] = [PodPort(name: "http", containerPort: 8080, proto: .tcp)], ready: Bool = true
    ) -> PodState {
        PodState(
            namespace: namespace, name: name, nodeName: node, ip: addr(ip), labels: labels, ports: ports, ready: ready)
    }

    static func service(
        _ namespace: String, _ name: String, type: ServiceState.ServiceType = .clusterIP,
        clusterIP: String, selector: [String: String], ports: [ServicePortState],
        configure: (inout ServiceState) -> Void = { _ in }
    ) -> ServiceState {
        var service = ServiceState(
            namespace: namespace, name: name, type: type, clusterIPs: [addr(clusterIP)],
            ports: ports, selector: selector)
        configure(&service)
        return service
    }

    static func http(_ name: String = "http", port: Int = 80, target: TargetPort = .name("http"), nodePort: Int? = nil)
        -> ServicePortState
    {
        ServicePortState(name: name, proto: .tcp, port: port, targetPort: target, nodePort: nodePort)
    }

    static func cluster(pods: [PodState], services: [ServiceState], explicit: ExplicitEndpoints = ExplicitEndpoints())
        -> ClusterState
    {
        EndpointResolver.resolve(ClusterState(nodes: nodes, pods: pods, services: services), explicit: explicit)
    }

    /// Three web pods over two nodes behind one ClusterIP.
    static var webPods: [PodState] {
        [
            pod("shop", "web-a", node: "node-1", ip: "10.244.1.10", labels: ["app": "web"]),
            pod("shop", "web-b", node: "node-2", ip: "10.244.2.10", labels: ["app": "web"]),
            pod("shop", "web-c", node: "node-2", ip: "10.244.2.11", labels: ["app": "web"]),
        ]
    }

    static var clusterIP: ClusterState {
        cluster(
            pods: webPods,
            services: [service("shop", "web", clusterIP: "10.96.0.20", selector: ["app": "web"], ports: [http()])])
    }

    static var nodePort: ClusterState {
        cluster(
            pods: webPods,
            services: [
                service(
                    "shop", "web", type: .nodePort, clusterIP: "10.96.0.21",
                    selector: ["app": "web"], ports: [http(nodePort: 30080)])
            ])
    }

    static var loadBalancer: ClusterState {
        cluster(
            pods: webPods,
            services: [
                service(
                    "shop", "web", type: .loadBalancer, clusterIP: "10.96.0.22", selector: ["app": "web"],
                    ports: [http(nodePort: 30081)]
                ) {
                    $0.loadBalancerIPs = [addr("203.0.113.10")]
                    $0.loadBalancerSourceRanges = [cidr("198.51.100.0/24"), cidr("192.168.10.0/24")]
                }
            ])
    }

    static var externalIPs: ClusterState {
        cluster(
            pods: webPods,
            services: [
                service("shop", "web", clusterIP: "10.96.0.23", selector: ["app": "web"], ports: [http()]) {
                    $0.externalIPs = [addr("198.51.100.7")]
                }
            ])
    }

    static var affinity: ClusterState {
        cluster(
            pods: webPods,
            services: [
                service("shop", "web", clusterIP: "10.96.0.24", selector: ["app": "web"], ports: [http()]) {
                    $0.sessionAffinityTimeout = 600
                }
            ])
    }

    /// externalTrafficPolicy Local: node-1 has one endpoint, node-2 two.
    static var externalLocal: ClusterState {
        cluster(
            pods: webPods,
            services: [
                service(
                    "shop", "web", type: .loadBalancer, clusterIP: "10.96.0.25", selector: ["app": "web"],
                    ports: [http(nodePort: 30082)]
                ) {
                    $0.externalTrafficPolicy = .local
                    $0.healthCheckNodePort = 32000
                    $0.loadBalancerIPs = [addr("203.0.113.11")]
                }
            ])
    }

    /// internalTrafficPolicy Local, with endpoints only on node-2.
    static var internalLocal: ClusterState {
        cluster(
            pods: Array(webPods.dropFirst()),
            services: [
                service("shop", "web", clusterIP: "10.96.0.26", selector: ["app": "web"], ports: [http()]) {
                    $0.internalTrafficPolicy = .local
                }
            ])
    }

    static var noEndpoints: ClusterState {
        cluster(
            pods: [],
            services: [
                service(
                    "shop", "empty", type: .nodePort, clusterIP: "10.96.0.27", selector: ["app": "none"],
                    ports: [http(nodePort: 30083)]
                ) { $0.externalIPs = [addr("198.51.100.8")] }
            ])
    }

    /// targetPort by name: `http` is 8080 on v1 pods and 9090 on v2 pods; a pod without the name is skipped.
    static var namedTargetPort: ClusterState {
        cluster(
            pods: [
                pod("shop", "api-v1", node: "node-1", ip: "10.244.1.20", labels: ["app": "api"]),
                pod(
                    "shop", "api-v2", node: "node-2", ip: "10.244.2.20", labels: ["app": "api"],
                    ports: [PodPort(name: "http", containerPort: 9090, proto: .tcp)]),
                pod("shop", "api-bare", node: "node-2", ip: "10.244.2.21", labels: ["app": "api"], ports: []),
            ], services: [service("shop", "api", clusterIP: "10.96.0.28", selector: ["app": "api"], ports: [http()])])
    }

    /// A demo-like cluster: DNS over UDP and TCP, a web NodePort, a LoadBalancer with eTP Local, a headless
    /// StatefulSet service, an ExternalName, a selectorless service with explicit endpoints, a not-ready pod.
    static var demo: ClusterState {
        let dnsPorts = [
            PodPort(name: "dns", containerPort: 53, proto: .udp),
            PodPort(name: "dns-tcp", containerPort: 53, proto: .tcp),
            PodPort(name: "metrics", containerPort: 9153, proto: .tcp),
        ]
        var zk = [0, 1, 2].map { index in
            pod(
                "data", "zk-\(index)", node: index == 1 ? "node-2" : "node-1",
                ip: "10.244.\(index == 1 ? 2 : 1).\(30 + index)",
                labels: ["app": "zk"], ports: [PodPort(name: "client", containerPort: 2181, proto: .tcp)])
        }
        for index in zk.indices {
            zk[index].hostname = "zk-\(index)"
            zk[index].subdomain = "zk-hs"
        }
        let pods =
            [
                pod(
                    "kube-system", "coredns-1", node: "node-1", ip: "10.244.1.2", labels: ["k8s-app": "kube-dns"],
                    ports: dnsPorts),
                pod(
                    "kube-system", "coredns-2", node: "node-2", ip: "10.244.2.2", labels: ["k8s-app": "kube-dns"],
                    ports: dnsPorts),
                pod("shop", "web-1", node: "node-1", ip: "10.244.1.3", labels: ["app": "web"]),
                pod("shop", "web-2", node: "node-2", ip: "10.244.2.3", labels: ["app": "web"]),
                pod("shop", "web-3", node: "node-2", ip: "10.244.2.4", labels: ["app": "web"], ready: false),
                pod("shop", "checkout-1", node: "node-2", ip: "10.244.2.5", labels: ["app": "checkout"]),
            ] + zk
        let services = [
            service(
                "kube-system", "kube-dns", clusterIP: "10.96.0.10", selector: ["k8s-app": "kube-dns"],
                ports: [
                    ServicePortState(name: "dns", proto: .udp, port: 53, targetPort: .number(53)),
                    ServicePortState(name: "dns-tcp", proto: .tcp, port: 53, targetPort: .number(53)),
                    ServicePortState(name: "metrics", proto: .tcp, port: 9153, targetPort: .number(9153)),
                ]),
            service(
                "default", "kubernetes", clusterIP: "10.96.0.1", selector: [:],
                ports: [
                    ServicePortState(name: "https", proto: .tcp, port: 443, targetPort: .number(6443))
                ]
            ) { $0.selector = nil },
            service(
                "shop", "web", type: .nodePort, clusterIP: "10.96.10.1", selector: ["app": "web"],
                ports: [http(nodePort: 30080)]),
            service(
                "shop", "checkout", type: .loadBalancer, clusterIP: "10.96.10.2", selector: ["app": "checkout"],
                ports: [http(nodePort: 30443)]
            ) {
                $0.externalTrafficPolicy = .local
                $0.healthCheckNodePort = 31000
                $0.loadBalancerIPs = [addr("203.0.113.50")]
            },
            service(
                "data", "zk-hs", clusterIP: "10.96.20.1", selector: ["app": "zk"],
                ports: [
                    ServicePortState(name: "client", proto: .tcp, port: 2181, targetPort: .name("client"))
                ]
            ) {
                $0.isHeadless = true
                $0.clusterIPs = []
            },
            service(
                "data", "zk", clusterIP: "10.96.20.2", selector: ["app": "zk"],
                ports: [
                    ServicePortState(name: "", proto: .tcp, port: 2181, targetPort: .name("client"))
                ]
            ) { $0.sessionAffinityTimeout = 10800 },
            service("shop", "payments", type: .externalName, clusterIP: "10.96.0.99", selector: [:], ports: []) {
                $0.externalName = "payments.example.com"
                $0.clusterIPs = []
                $0.selector = nil
            },
        ]
        let explicit = ExplicitEndpoints([
            "default/kubernetes": [
                ExplicitEndpoints.Port(
                    name: "https", proto: .tcp, endpoints: [EndpointState(ip: addr("192.168.10.11"), port: 6443)])
            ]
        ])
        return cluster(pods: pods, services: services, explicit: explicit)
    }

    /// `trafficDistribution: PreferClose` on the web pods: node-1 in zone-a (web-a), node-2 in zone-b (web-b,
    /// web-c), a third node in zone-c with no web pod, and a fourth without a zone label; a NodePort so the
    /// external path is checked too.
    static var preferClose: ClusterState {
        var state = cluster(
            pods: webPods,
            services: [
                service(
                    "shop", "web", type: .nodePort, clusterIP: "10.96.0.30", selector: ["app": "web"],
                    ports: [http(nodePort: 30090)]
                ) { $0.prefersSameZone = true }
            ])
        let zone = "topology.kubernetes.io/zone"
        state.nodes[0].labels[zone] = "zone-a"
        state.nodes[1].labels[zone] = "zone-b"
        state.nodes.append(NodeState(
            name: "node-3", addresses: [addr("192.168.10.13")], podCIDRs: [cidr("10.244.3.0/24")], labels: [zone: "zone-c"]))
        state.nodes.append(NodeState(name: "node-4", addresses: [addr("192.168.10.14")], podCIDRs: [cidr("10.244.4.0/24")]))
        return state
    }

    /// Every focused fixture by golden-file name.
    static var all: [(String, ClusterState)] {
        [
            ("cluster-ip", clusterIP), ("node-port", nodePort), ("load-balancer", loadBalancer),
            ("external-ips", externalIPs), ("affinity", affinity), ("external-local", externalLocal),
            ("internal-local", internalLocal), ("no-endpoints", noEndpoints), ("named-target-port", namedTargetPort),
            ("prefer-close", preferClose), ("demo", demo),
        ]
    }
}
