import KubeEmit
import KubePlan
import Testing

/// Cases of kube-proxy's IPVS `TestNodePortIPv4` (pkg/proxy/ipvs/proxier_test.go): the same Services,
/// endpoints and node IPs must give the virtual servers, real servers and ipset members its test expects.
@Suite struct IPVSKubeProxyVectorTests {
    typealias F = DataplaneFixture

    static func state(proto: PortProtocol, nodeIPs: [String], endpoints: [EndpointState], local: Bool = false)
        -> ClusterState
    {
        let node = NodeState(name: "test-hostname", addresses: nodeIPs.map(addr), podCIDRs: [])
        let port = ServicePortState(
            name: "p80", proto: proto, port: 80, targetPort: .number(80), nodePort: 3001, endpoints: endpoints)
        let service = F.service("ns1", "svc1", type: .nodePort, clusterIP: "10.20.30.41", ports: [port]) {
            if local { $0.externalTrafficPolicy = .local }
        }
        return ClusterState(nodes: [node], services: [service])
    }

    static func servers(_ state: ClusterState) -> [String: Set<String>] {
        IPVSReadBackTests.parse(IPVSReadBackTests.file(IPVSEmitter().emit(state), "nodes/test-hostname/ipvs.rules"))
            .mapValues(\.reals)
    }

    static func sets(_ state: ClusterState) -> String {
        IPVSReadBackTests.file(IPVSEmitter().emit(state), "nodes/test-hostname/ipset.rules")
    }

    @Test func tcpNodePortWithOneEndpoint() {
        let state = Self.state(proto: .tcp, nodeIPs: ["100.101.102.103"], endpoints: [F.endpoint("10.180.0.1", 80)])
        #expect(
            Self.servers(state) == [
                "-t 10.20.30.41:80": ["10.180.0.1:80 -m -w 1"], "-t 100.101.102.103:3001": ["10.180.0.1:80 -m -w 1"],
            ])
    }

    @Test func nodePortWithoutEndpointsStillHasVirtualServers() {
        let state = Self.state(proto: .tcp, nodeIPs: ["100.101.102.103"], endpoints: [])
        #expect(Self.servers(state) == ["-t 10.20.30.41:80": [], "-t 100.101.102.103:3001": []])
    }

    @Test func sctpNodePortOnEveryNodeIPWithHashEntries() {
        let state = Self.state(
            proto: .sctp, nodeIPs: ["100.101.102.103", "100.101.102.104", "100.101.102.105"],
            endpoints: [F.endpoint("10.180.0.1", 80)])
        let real: Set<String> = ["10.180.0.1:80 -m -w 1"]
        #expect(
            Self.servers(state) == [
                "--sctp-service 10.20.30.41:80": real, "--sctp-service 100.101.102.103:3001": real,
                "--sctp-service 100.101.102.104:3001": real, "--sctp-service 100.101.102.105:3001": real,
            ])
        let sets = Self.sets(state)
        for ip in ["100.101.102.103", "100.101.102.104", "100.101.102.105"] {
            #expect(sets.contains("add KUBE-NODE-PORT-SCTP-HASH \(ip),sctp:3001 -exist\n"))
        }
    }

    @Test func sctpExternalTrafficPolicyLocalUsesOnlyTheLocalEndpointOnTheNodePort() {
        let state = Self.state(
            proto: .sctp, nodeIPs: ["100.101.102.103"],
            endpoints: [
                F.endpoint("10.180.0.1", 80, node: "test-hostname"), F.endpoint("10.180.1.1", 80, node: "otherHost"),
            ],
            local: true)
        #expect(
            Self.servers(state) == [
                "--sctp-service 10.20.30.41:80": ["10.180.0.1:80 -m -w 1", "10.180.1.1:80 -m -w 1"],
                "--sctp-service 100.101.102.103:3001": ["10.180.0.1:80 -m -w 1"],
            ])
        let sets = Self.sets(state)
        #expect(sets.contains("add KUBE-NODE-PORT-SCTP-HASH 100.101.102.103,sctp:3001 -exist\n"))
        #expect(sets.contains("add KUBE-NODE-PORT-LOCAL-SCTP-HASH 100.101.102.103,sctp:3001 -exist\n"))
    }
}
