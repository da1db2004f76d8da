import Foundation
import KubeEmit
import KubeModel
import KubePlan
import Testing

/// kube-proxy's own nftables tests (pkg/proxy/nftables/proxier_test.go), transcribed.
///
/// The same Services and EndpointSlices,
/// compiled for `test-node` with `NewFakeProxier`'s settings (`NFTablesOptions.kubeProxyUnitTest`), must give the
/// expected text after the test file's normalisation. The expected texts are transcribed in `Golden/` as
/// `kube-proxy-nftables-baseRules.nft` plus one file per test; they are never re-recorded.
@Suite struct NFTablesKubeProxyVectorTests {
    typealias F = DataplaneFixture

    @Test func overallRulesEqualKubeProxyExpectedOutput() {
        // TestOverallNFTablesRules uses the Services and endpoints of TestOverallIPTablesRules.
        var state = KubeProxyTestVectorTests.overallState
        state.settings.serviceCIDRs = [cidr("172.30.0.0/16")]
        let actual = NFTablesTestSupport.unitTestRuleset(state)
        let expected = NFTablesTestSupport.expected("kube-proxy-TestOverallNFTablesRules.nft")
        #expect(NFTablesTestSupport.normalise(actual) == expected)
    }

    @Test func repeatedSyncFirstSyncEqualsKubeProxyExpectedOutput() {
        let state = NFTablesTestSupport.fakeCluster([
            F.service(
                "ns1", "svc1", clusterIP: "172.30.0.41",
                ports: [F.port("p80", 80, endpoints: [F.endpoint("10.0.1.1", 80)])]),
            F.service(
                "ns2", "svc2", clusterIP: "172.30.0.42",
                ports: [F.port("p8080", 8080, endpoints: [F.endpoint("10.0.2.1", 8080)])]),
        ])
        let actual = NFTablesTestSupport.unitTestRuleset(state)
        let expected = NFTablesTestSupport.expected("kube-proxy-TestSyncProxyRulesRepeated-first.nft")
        #expect(NFTablesTestSupport.normalise(actual) == expected)
    }

    /// TestSyncProxyRulesStartup: whatever was loaded before, the sync ends in this state (svc1 with a second
    /// endpoint, svc3 without endpoints).
    @Test func startupSyncEqualsKubeProxyExpectedOutput() {
        let state = NFTablesTestSupport.fakeCluster([
            F.service(
                "ns1", "svc1", clusterIP: "172.30.0.41",
                ports: [F.port("p80", 80, endpoints: [F.endpoint("10.0.1.1", 80), F.endpoint("10.0.1.2", 80)])]),
            F.service(
                "ns2", "svc2", clusterIP: "172.30.0.42",
                ports: [F.port("p8080", 8080, endpoints: [F.endpoint("10.0.2.1", 8080)])]),
            F.service("ns3", "svc3", clusterIP: "172.30.0.43", ports: [F.port("p80", 80, endpoints: [])]),
        ])
        let actual = NFTablesTestSupport.unitTestRuleset(state)
        let expected = NFTablesTestSupport.expected("kube-proxy-TestSyncProxyRulesStartup.nft")
        #expect(NFTablesTestSupport.normalise(actual) == expected)
    }

    /// TestBadIPs: legacy addresses with leading zeros, as the API server kept accepting them, read the way
    /// kube-proxy reads them (decimal, zeros dropped: Go `ParseIPSloppy`); the file holds only canonical forms.
    @Test func legacyAddressesAreWrittenCanonically() {
        func sloppy(_ text: String) -> String {
            text.split(separator: "/", omittingEmptySubsequences: false).map { part in
                part.split(separator: ".", omittingEmptySubsequences: false).map { String(Int($0) ?? 0) }
                    .joined(separator: ".")
            }.joined(separator: "/")
        }
        let state = NFTablesTestSupport.fakeCluster([
            F.service(
                "ns1", "svc1", type: .loadBalancer, clusterIP: sloppy("172.30.0.041"),
                ports: [F.port("p80", 80, nodePort: 3001, endpoints: [F.endpoint(sloppy("10.180.00.001"), 80)])]
            ) {
                $0.loadBalancerIPs = [addr(sloppy("1.2.3.004"))]
                $0.externalIPs = [addr(sloppy("192.168.099.022"))]
                $0.loadBalancerSourceRanges = [cidr(sloppy("203.0.113.000/025"))]
            }
        ])
        let actual = NFTablesTestSupport.unitTestRuleset(state)
        let expected = NFTablesTestSupport.expected("kube-proxy-TestBadIPs.nft")
        #expect(NFTablesTestSupport.normalise(actual) == expected)
    }

    /// Test_servicePortChainNameBase and Test_servicePortEndpointChainNameBase.
    @Test func chainNamesHashLikeKubeProxy() {
        let long = "very-long-namespace-name-abcdefghijklmnopqrstuvwxyz0123456789xx"
        let service = "very-long-service-name-why-would-you-even-do-this-i-mean-really"
        let port = "port-443-providing-the-hypertext-transmission-protocol-with-tls"
        #expect(
            NFTChainNames.serviceBase("testing/service", proto: "tcp", portName: "http")
                == "P4ZYZVCF-testing/service/tcp/http")
        #expect(
            NFTChainNames.serviceBase("testing/service", proto: "tcp", portName: "https")
                == "LZBRENCP-testing/service/tcp/https")
        #expect(
            NFTChainNames.serviceBase(long + "/" + service, proto: "sctp", portName: port)
                == "KR6NACJP-\(long)/\(service)/sctp/\(port)")
        #expect(
            NFTChainNames.endpointBase("testing/service", proto: "tcp", portName: "http", ip: "10.180.0.1", port: 80)
                == "JO2XBXZR-testing/service/tcp/http__10.180.0.1/80")
        #expect(
            NFTChainNames.endpointBase(
                "testing/service", proto: "tcp", portName: "http", ip: "fd80:abcd:12::a1b2:c3d4:e5f6:9999", port: 80)
                == "U7E2ET36-testing/service/tcp/http__fd80.abcd.12..a1b2.c3d4.e5f6.9999/80")
        #expect(
            NFTChainNames.endpointBase(
                long + "/" + service, proto: "sctp", portName: port, ip: "1234:5678:9abc:def0::abcd:1234:5678",
                port: 443)
                == "CI6C53Q3-\(long)/\(service)/sctp/\(port)__1234.5678.9abc.def0..abcd.1234...")
    }
}
