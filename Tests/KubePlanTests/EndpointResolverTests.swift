import KubeModel
import KubePlan
import Testing

/// `EndpointResolver`: which pods back a Service port, on which port, in which order.
@Suite struct EndpointResolverTests {
    static func ip(_ text: String) -> IPAddress { IPAddress(text) ?? .v4(0) }

    static let node = NodeState(name: "node-1", addresses: [ip("192.168.1.10")], podCIDRs: [])

    static func pod(
        _ name: String, _ address: String?, namespace: String = "app", labels: [String: String] = ["app": "web"],
        node: String? = "node-1", ports: [PodPort] = [PodPort(name: "http", containerPort: 8080, proto: .tcp)],
        ready: Bool = true
    ) -> PodState {
        PodState(
            namespace: namespace, name: name, nodeName: node, ip: address.map(ip), labels: labels, ports: ports,
            ready: ready)
    }

    static func service(_ target: TargetPort, proto: KubePlan.PortProtocol = .tcp, selector: [String: String]? = ["app": "web"])
        -> ServiceState
    {
        ServiceState(
            namespace: "app", name: "web", clusterIPs: [ip("10.96.0.5")],
            ports: [ServicePortState(name: "http", proto: proto, port: 80, targetPort: target)], selector: selector)
    }

    static func endpoints(
        _ pods: [PodState], _ service: ServiceState, explicit: ExplicitEndpoints = ExplicitEndpoints()
    ) -> [EndpointState] {
        let state = EndpointResolver.resolve(
            ClusterState(nodes: [node], pods: pods, services: [service]), explicit: explicit)
        return state.services.first?.ports.first?.endpoints ?? []
    }

    @Test func selectsPlacedMatchingPodsOfTheServiceNamespaceOnly() {
        let pods = [
            Self.pod("a", "10.244.1.2"), Self.pod("other-ns", "10.244.1.3", namespace: "elsewhere"),
            Self.pod("other-labels", "10.244.1.4", labels: ["app": "db"]), Self.pod("unplaced", nil, node: nil),
        ]
        #expect(Self.endpoints(pods, Self.service(.number(8080))).map(\.podName) == ["app/a"])
    }

    @Test func namedTargetPortResolvesPerPodAndSkipsPodsWithoutIt() {
        let pods = [
            Self.pod("a", "10.244.1.2"),
            Self.pod("b", "10.244.1.3", ports: [PodPort(name: "http", containerPort: 9090, proto: .tcp)]),
            Self.pod("c", "10.244.1.4", ports: []),
            Self.pod("udp", "10.244.1.5", ports: [PodPort(name: "http", containerPort: 7070, proto: .udp)]),
        ]
        let result = Self.endpoints(pods, Self.service(.name("http")))
        #expect(result.map { "\($0.ip):\($0.port)" } == ["10.244.1.2:8080", "10.244.1.3:9090"])
    }

    @Test func numericTargetPortIsUsedAsIs() {
        #expect(
            Self.endpoints([Self.pod("a", "10.244.1.2", ports: [])], Self.service(.number(1234))).map(\.port) == [1234])
    }

    /// kube-proxy's `byEndpoint` compares `IP:port` strings: "10.0.0.10:80" < "10.0.0.1:80" ('0' < ':').
    @Test func endpointsSortByIPPortStringLikeKubeProxy() {
        let pods = [Self.pod("two", "10.0.0.2"), Self.pod("ten", "10.0.0.10"), Self.pod("one", "10.0.0.1")]
        #expect(
            Self.endpoints(pods, Self.service(.number(80))).map { "\($0.ip)" } == ["10.0.0.10", "10.0.0.1", "10.0.0.2"])
    }

    @Test func notReadyPodsStayAsNotReadyUnlessPublished() {
        let pods = [Self.pod("a", "10.244.1.2", ready: false)]
        #expect(Self.endpoints(pods, Self.service(.number(80))).map(\.ready) == [false])
        var published = Self.service(.number(80))
        published.publishNotReadyAddresses = true
        #expect(Self.endpoints(pods, published).map(\.ready) == [true])
    }

    @Test func hostnameIsSetWhenSubdomainNamesTheService() {
        var named = Self.pod("zk-0", "10.244.1.2")
        named.hostname = "zk-0"
        named.subdomain = "web"
        var other = Self.pod("zk-1", "10.244.1.3")
        other.hostname = "zk-1"
        other.subdomain = "elsewhere"
        #expect(Self.endpoints([named, other], Self.service(.number(80))).map(\.hostname) == ["zk-0", nil])
    }

    @Test func hostNetworkPodUsesItsNodeAddress() {
        var host = Self.pod("agent", nil)
        host.hostNetwork = true
        #expect(Self.endpoints([host], Self.service(.number(80))).map { "\($0.ip)" } == ["192.168.1.10"])
    }

    @Test func selectorlessServiceTakesExplicitEndpointsByNameAndProtocol() {
        let explicit = ExplicitEndpoints([
            "app/web": [
                ExplicitEndpoints.Port(
                    name: "http", proto: .tcp,
                    endpoints: [
                        EndpointState(ip: Self.ip("172.16.0.9"), port: 443),
                        EndpointState(ip: Self.ip("172.16.0.8"), port: 443),
                    ]),
                ExplicitEndpoints.Port(
                    name: "http", proto: .udp, endpoints: [EndpointState(ip: Self.ip("172.16.0.7"), port: 443)]),
                ExplicitEndpoints.Port(
                    name: "http", proto: .tcp, endpoints: [EndpointState(ip: Self.ip("172.16.0.8"), port: 443)]),
            ]
        ])
        let result = Self.endpoints(
            [Self.pod("ignored", "10.244.1.2")], Self.service(.number(443), selector: nil), explicit: explicit)
        #expect(result.map { "\($0.ip)" } == ["172.16.0.8", "172.16.0.9"])
    }

    @Test func externalNameServiceHasNoEndpoints() {
        var service = Self.service(.number(80))
        service.type = .externalName
        #expect(Self.endpoints([Self.pod("a", "10.244.1.2")], service).isEmpty)
    }
}

/// `EndpointSliceView`: endpoints grouped by resolved port numbers, like the EndpointSlice controller.
@Suite struct EndpointSliceViewTests {
    @Test func podsWithDifferentNamedPortNumbersLandInDifferentSlices() throws {
        let pods = [
            EndpointResolverTests.pod("a", "10.244.1.2"), EndpointResolverTests.pod("b", "10.244.1.3"),
            EndpointResolverTests.pod(
                "c", "10.244.1.4", ports: [PodPort(name: "http", containerPort: 9090, proto: .tcp)]),
        ]
        let state = EndpointResolver.resolve(
            ClusterState(
                nodes: [EndpointResolverTests.node], pods: pods,
                services: [EndpointResolverTests.service(.name("http"))]))
        let service = try #require(state.services.first)
        let slices = EndpointSliceView.slices(for: service)
        #expect(slices.map { $0.ports.map(\.port) } == [[8080], [9090]])
        #expect(slices.map { $0.endpoints.map(\.podName) } == [["app/a", "app/b"], ["app/c"]])
    }

    @Test func slicesHoldAtMostOneHundredEndpoints() {
        let endpoints = (0..<250).map { EndpointState(ip: .v4(0x0A00_0000 + UInt32($0)), port: 80) }
        let service = ServiceState(
            namespace: "app", name: "big", clusterIPs: [.v4(0x0A60_0001)],
            ports: [ServicePortState(name: "", proto: .tcp, port: 80, targetPort: .number(80), endpoints: endpoints)])
        #expect(EndpointSliceView.slices(for: service).map(\.endpoints.count) == [100, 100, 50])
    }
}
