import Foundation
import KubeEmit
import KubeModel
import KubePlan
import KubeTestSupport
import Testing

/// NetworkPolicy for IPv6 pods: their chains go to `policy6.rules` (ip6tables), matching IPv6 sets only; the
/// IPv4 `policy.rules` stays free of IPv6 addresses so `iptables-restore` accepts it.
enum PolicyIPv6Fixture {
    static func cluster() -> ClusterState {
        func pod(_ name: String, _ node: String, _ ip: String, _ labels: [String: String], _ ports: [PodPort]) -> PodState {
            PodState(namespace: "prod", name: name, nodeName: node, ip: addr(ip), labels: labels, ports: ports)
        }
        let pods = [
            pod("web-0", "node-1", "fd00:244:1::10", ["app": "web"], [PodPort(name: "http", containerPort: 8080, proto: .tcp)]),
            pod("api-0", "node-1", "fd00:244:1::11", ["app": "api"], []),
            pod("db-0", "node-2", "fd00:244:2::10", ["app": "db"], [PodPort(name: "pg", containerPort: 5432, proto: .tcp)]),
        ]
        let app = { (value: String) in LabelSelector(matchLabels: ["app": value]) }
        let policies = [
            NetworkPolicyState(
                namespace: "prod", name: "db-access", podSelector: app("db"),
                ingress: [
                    PolicyRuleState(peers: [.pods(podSelector: app("web"), namespaceSelector: nil)],
                                    ports: [PolicyPortState(proto: .tcp, port: .name("pg"))]),
                    PolicyRuleState(peers: [
                        .ipBlock(cidr: cidr("2001:db8::/32"), except: [cidr("2001:db8:66::/48")]),
                        .ipBlock(cidr: cidr("192.168.0.0/16"), except: []),
                    ]),
                ]),
            NetworkPolicyState(
                namespace: "prod", name: "api-egress", podSelector: app("api"), isolatesIngress: false, isolatesEgress: true,
                egress: [PolicyRuleState(peers: [.pods(podSelector: app("db"), namespaceSelector: nil)],
                                         ports: [PolicyPortState(proto: .tcp, port: .name("pg"))])]),
        ]
        return ClusterState(
            nodes: [
                NodeState(name: "node-1", addresses: [addr("fd77::11")], podCIDRs: [cidr("fd00:244:1::/64")]),
                NodeState(name: "node-2", addresses: [addr("fd77::12")], podCIDRs: [cidr("fd00:244:2::/64")]),
            ],
            pods: pods, networkPolicies: policies, namespaceLabels: ["prod": ["kubernetes.io/metadata.name": "prod"]])
    }

    static func files() -> [String: String] { PolicyFixture.files(cluster()) }
}

@Suite struct PolicyEmitterIPv6Tests {
    @Test(arguments: ["node-1", "node-2"])
    func ipv6PolicyRulesMatchTheirGoldenFile(node: String) {
        let files = PolicyIPv6Fixture.files()
        DataplaneGolden.check(files["nodes/\(node)/policy6.rules"] ?? "", "policy6-\(node).rules")
        DataplaneGolden.check(files["nodes/\(node)/policy.ipset"] ?? "", "policy6-\(node).ipset")
    }

    @Test func theIPv4FileHoldsNoIPv6PodAndNoIPv4BlockReachesTheIPv6Chains() {
        let files = PolicyIPv6Fixture.files()
        let v4 = files["nodes/node-2/policy.rules"] ?? ""
        #expect(!v4.contains("fd00:") && !v4.contains("KUBE-NWP-IN-"))
        let sets = files["nodes/node-2/policy.ipset"] ?? ""
        #expect(!sets.contains("192.168.0.0/16"))
        #expect(sets.contains("family inet6") && !sets.contains("family inet "))
    }

    @Test func ipv4OnlyClustersGetNoPolicy6File() {
        #expect(!PolicyEmitter().emit(PolicyFixture.cluster()).contains { $0.path.hasSuffix("policy6.rules") })
    }

    @Test(.enabled(if: RealTool.isCI || DataplaneHost.canUseNamespaces, "needs root with ip, iptables-restore and ipset"))
    func ipv6PolicyFilesLoadWithTheRealTools() {
        let files = PolicyIPv6Fixture.files()
        for node in ["node-1", "node-2"] {
            let namespace = DataplaneHost.uniquePrefix()
            DataplaneHost.withNamespaces([namespace]) {
                let sets = DataplaneHost.exec(namespace, ["ipset", "restore"], input: Array((files["nodes/\(node)/policy.ipset"] ?? "").utf8))
                #expect(sets.succeeded, "\(node) policy.ipset: \(sets.error)")
                for (file, tool) in [("policy6.rules", "ip6tables-restore"), ("policy.rules", "iptables-restore")] {
                    let text = files["nodes/\(node)/\(file)"] ?? ""
                    let result = DataplaneHost.exec(namespace, [tool, "--test", "--noflush"], input: Array(text.utf8))
                    #expect(result.succeeded, "\(node) \(file): \(result.error)")
                }
            }
        }
    }
}
