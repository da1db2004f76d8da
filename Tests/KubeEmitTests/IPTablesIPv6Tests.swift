@testable import KubeEmit
import KubeModel
import KubePlan
import KubeTestSupport
import Testing

/// kube-proxy's IPv6 proxier: `ip6tables.rules` with only IPv6 addresses, beside an `iptables.rules` that holds
/// none of them.
@Suite struct IPTablesIPv6Tests {
    static var v6: IPTablesEmitter {
        var options = IPTablesOptions()
        options.family = .v6
        return IPTablesEmitter(options: options)
    }

    @Test func ipv6ProxierMatchesGolden() {
        DataplaneGolden.check(IPTablesEmitterGoldenTests.joined(Self.v6.emit(DataplaneFixtures.ipv6)), "ipv6.ip6tables")
    }

    @Test func ipv6RulesGoToIP6TablesRules() {
        #expect(Self.v6.emit(DataplaneFixtures.ipv6).map(\.path) == [
            "nodes/node-1/ip6tables.rules", "nodes/node-2/ip6tables.rules",
        ])
    }

    @Test func ipv4ProxierProgramsNoIPv6Service() {
        let text = IPTablesEmitter().emit(DataplaneFixtures.ipv6).map(\.text).joined()
        #expect(!text.contains("KUBE-SVC-") && !text.contains("fd00:"))
    }

    @Test func ipv6ProxierProgramsNoIPv4Address() {
        let text = Self.v6.emit(DataplaneFixtures.ipv6).map(\.text).joined()
        // The LoadBalancer's IPv4 address and source range belong to the IPv4 proxier.
        #expect(!text.contains("203.0.113.10") && !text.contains("198.51.100.0/24"))
        #expect(!text.contains("127.0.0.0/8"))
        #expect(text.contains("! -d ::1/128 -j KUBE-NODEPORTS"))
        #expect(text.contains("--to-destination [fd00:244:1::10]:8080"))
    }

    @Test func ipv6ProxierDoesNotEmitTheIPv4DemoServices() {
        #expect(!Self.v6.emit(DataplaneFixtures.demo).map(\.text).joined().contains("KUBE-SVC-"))
    }

    @Test func sharedRenderingEqualsPerNodeRendering() {
        var perNode = Self.v6
        perNode.shareAcrossNodes = false
        #expect(Self.v6.emit(DataplaneFixtures.ipv6) == perNode.emit(DataplaneFixtures.ipv6))
    }

    @Test func compileWritesIP6TablesRulesOnlyForClustersWithIPv6() {
        #expect(!ClusterState(nodes: DataplaneFixtures.nodes).uses(.v6))
        #expect(DataplaneFixtures.ipv6.uses(.v6))
        #expect(!DataplaneFixtures.demo.uses(.v6))
    }
}

/// kube-proxy's IPVS mode for IPv6: `[addr]:port` virtual and real servers, `KUBE-6-…` sets of `family inet6`,
/// and the IPv6 proxier's `ipvs-ip6tables.rules`.
@Suite struct IPVSIPv6Tests {
    @Test func ipv6IPVSMatchesGolden() {
        DataplaneGolden.check(IPTablesEmitterGoldenTests.joined(IPVSEmitter().emit(DataplaneFixtures.ipv6)), "ipv6.ipvs")
    }

    @Test func ipv6SetNamesAreKubeProxysTruncatedToThirtyOne() {
        #expect(IPSetName.loadBalancerSourceCIDR.name(.v6) == "KUBE-6-LOAD-BALANCER-SOURCE-CID")
        #expect(IPSetName.clusterIP.name(.v6) == "KUBE-6-CLUSTER-IP")
        #expect(IPSetName.clusterIP.name(.v4) == "KUBE-CLUSTER-IP")
    }

    @Test(.enabled(if: RealTool.isCI || DataplaneHost.canUseNamespaces, "needs root with ip, ip6tables-restore and ipset"))
    func ipv6SetsAndRulesLoadWithTheRealTools() {
        let files = IPVSEmitter().emit(DataplaneFixtures.ipv6)
        for node in ["node-1", "node-2"] {
            let namespace = DataplaneHost.uniquePrefix()
            DataplaneHost.withNamespaces([namespace]) {
                let sets = files.first { $0.path == "nodes/\(node)/ipset.rules" }
                let restore = DataplaneHost.exec(namespace, ["ipset", "restore"], input: sets?.contents)
                #expect(restore.succeeded, "\(node) ipset.rules: \(restore.error)")
                for (name, tool) in [("ipvs-iptables.rules", "iptables-restore"), ("ipvs-ip6tables.rules", "ip6tables-restore")] {
                    let rules = files.first { $0.path == "nodes/\(node)/\(name)" }
                    #expect(rules != nil, "\(node) \(name)")
                    let result = DataplaneHost.exec(namespace, [tool, "--test"], input: rules?.contents)
                    #expect(result.succeeded, "\(node) \(name): \(result.error)")
                }
            }
        }
    }
}
