import Foundation
import KubeEmit
import KubePlan
import Testing

/// kube-proxy's own `TestOverallIPTablesRules` (pkg/proxy/iptables/proxier_test.go): the same Services and
/// EndpointSlices, compiled for `test-node` with `NewFakeProxier`'s settings, must give kube-proxy's expected
/// restore input line for line. The expected text is stored verbatim as
/// `Golden/kube-proxy-TestOverallIPTablesRules.iptables` (already in sorted order); it is never re-recorded.
@Suite struct KubeProxyTestVectorTests {
    /// The inputs of TestOverallIPTablesRules.
    static var overallState: ClusterState {
        typealias F = DataplaneFixture
        var settings = ClusterSettings()
        settings.clusterCIDRs = [cidr("10.0.0.0/8")]
        let node = NodeState(name: "test-node", addresses: [addr("192.168.0.2")], podCIDRs: [])
        let services = [
            F.service(
                "ns1", "svc1", clusterIP: "172.30.0.41",
                ports: [F.port("p80", 80, endpoints: [F.endpoint("10.180.0.1", 80)])]),
            F.service(
                "ns2", "svc2", type: .loadBalancer, clusterIP: "172.30.0.42",
                ports: [F.port("p80", 80, nodePort: 3001, endpoints: [F.endpoint("10.180.0.2", 80)])]
            ) {
                $0.externalTrafficPolicy = .local
                $0.loadBalancerIPs = [addr("1.2.3.4")]
                $0.externalIPs = [addr("192.168.99.22")]
                $0.healthCheckNodePort = 30000
            },
            F.service(
                "ns3", "svc3", type: .nodePort, clusterIP: "172.30.0.43",
                ports: [F.port("p80", 80, nodePort: 3003, endpoints: [F.endpoint("10.180.0.3", 80)])]),
            F.service(
                "ns4", "svc4", type: .nodePort, clusterIP: "172.30.0.44",
                ports: [
                    F.port(
                        "p80", 80,
                        endpoints: [
                            F.endpoint("10.180.0.4", 80), F.endpoint("10.180.0.5", 80, node: "test-node"),
                        ])
                ]
            ) { $0.externalIPs = [addr("192.168.99.33")] },
            F.service(
                "ns5", "svc5", type: .loadBalancer, clusterIP: "172.30.0.45",
                ports: [F.port("p80", 80, nodePort: 3002, endpoints: [F.endpoint("10.180.0.3", 80)])]
            ) {
                $0.loadBalancerIPs = [addr("5.6.7.8")]
                $0.healthCheckNodePort = 30000
                $0.loadBalancerSourceRanges = [cidr("203.0.113.0/25")]
                $0.sessionAffinityTimeout = 10800
            },
            F.service("ns6", "svc6", clusterIP: "172.30.0.46", ports: [F.port("p80", 80, endpoints: [])]),
        ]
        return ClusterState(settings: settings, nodes: [node], services: services)
    }

    @Test func overallRulesEqualKubeProxyExpectedOutput() {
        let files = IPTablesEmitter(options: .kubeProxyUnitTest).emit(Self.overallState)
        #expect(files.map(\.path) == ["nodes/test-node/iptables.rules"])
        let expected = kubeProxyVector("kube-proxy-TestOverallIPTablesRules.iptables")
        let actual = files.first?.text ?? ""
        #expect(actual.split(separator: "\n") == expected.split(separator: "\n"))
    }

    /// The first (full) sync of kube-proxy's `TestSyncProxyRulesRepeated` (a test version without nfacct).
    @Test func repeatedSyncFirstFullSyncEqualsKubeProxyExpectedOutput() {
        typealias F = DataplaneFixture
        var settings = ClusterSettings()
        settings.clusterCIDRs = [cidr("10.0.0.0/8")]
        let state = ClusterState(
            settings: settings, nodes: [NodeState(name: "test-node", addresses: [addr("192.168.0.2")], podCIDRs: [])],
            services: [
                F.service(
                    "ns1", "svc1", clusterIP: "172.30.0.41",
                    ports: [F.port("p80", 80, endpoints: [F.endpoint("10.0.1.1", 80)])]),
                F.service(
                    "ns2", "svc2", clusterIP: "172.30.0.42",
                    ports: [F.port("p8080", 8080, endpoints: [F.endpoint("10.0.2.1", 8080)])]),
            ])
        var options = IPTablesOptions.kubeProxyUnitTest
        options.nfacctCounters = false
        let actual = IPTablesEmitter(options: options).emit(state).first?.text ?? ""
        let expected = kubeProxyVector("kube-proxy-TestSyncProxyRulesRepeated-full.iptables")
        #expect(actual.split(separator: "\n") == expected.split(separator: "\n"))
    }

    @Test func chainNamesHashLikeKubeProxy() {
        #expect(
            ChainName.service(.svc, servicePortName: "ns1/svc1:p80", proto: "tcp").text == "KUBE-SVC-XPGD46QRK7WJZT7O")
        #expect(
            ChainName.service(.ext, servicePortName: "ns2/svc2:p8080", proto: "tcp").text == "KUBE-EXT-2VJB64SDSIJUP5T6"
        )
        #expect(
            ChainName.endpoint(servicePortName: "ns1/svc1:p80", proto: "tcp", endpoint: "10.180.0.1:80").text
                == "KUBE-SEP-SXIVWICOYRO3J4NJ")
        #expect(
            ChainName.endpoint(servicePortName: "ns3/svc3:p8081", proto: "tcp", endpoint: "203.0.113.4:8081").text
                == "KUBE-SEP-RUVVH7YV3PHQBDOS")
    }
}

/// Reads a stored kube-proxy test vector from `Golden/` ("" when missing, which the comparison then reports).
func kubeProxyVector(_ name: String) -> String {
    (try? String(contentsOfFile: DataplaneGolden.folder + "/" + name, encoding: .utf8)) ?? ""
}
