import Foundation
import KubeEmit
import KubeModel
import KubePlan
import KubeTestSupport
import Testing

/// A small cluster with NetworkPolicies: default deny in `prod`, web reachable from api on its named port,
/// db reachable from web and from an outside range with a hole, api's egress limited to db's named port.
enum PolicyFixture {
    static func cluster() -> ClusterState {
        func pod(_ ns: String, _ name: String, _ node: String, _ ip: String, _ labels: [String: String], _ ports: [PodPort]) -> PodState {
            PodState(namespace: ns, name: name, nodeName: node, ip: addr(ip), labels: labels, ports: ports)
        }
        let pods = [
            pod("prod", "web-0", "node-1", "10.244.1.10", ["app": "web"], [PodPort(name: "http", containerPort: 8080, proto: .tcp)]),
            pod("prod", "api-0", "node-1", "10.244.1.11", ["app": "api"], [PodPort(name: "grpc", containerPort: 9000, proto: .tcp)]),
            pod("prod", "db-0", "node-2", "10.244.2.10", ["app": "db"], [PodPort(name: "pg", containerPort: 5432, proto: .tcp)]),
            pod("dev", "tool-0", "node-2", "10.244.2.11", ["app": "tool"], []),
        ]
        let app = { (value: String) in LabelSelector(matchLabels: ["app": value]) }
        let policies = [
            NetworkPolicyState(namespace: "prod", name: "default-deny", isolatesIngress: true, isolatesEgress: false),
            NetworkPolicyState(
                namespace: "prod", name: "web-from-api", podSelector: app("web"),
                ingress: [PolicyRuleState(peers: [.pods(podSelector: app("api"), namespaceSelector: nil)],
                                          ports: [PolicyPortState(proto: .tcp, port: .name("http"))])]),
            NetworkPolicyState(
                namespace: "prod", name: "db-access", podSelector: app("db"),
                ingress: [
                    PolicyRuleState(peers: [.pods(podSelector: app("web"), namespaceSelector: nil)],
                                    ports: [PolicyPortState(proto: .tcp, port: .number(5432))]),
                    PolicyRuleState(peers: [.ipBlock(cidr: cidr("192.168.0.0/16"), except: [cidr("192.168.66.0/24")])]),
                ]),
            NetworkPolicyState(
                namespace: "prod", name: "api-egress", podSelector: app("api"), isolatesIngress: false, isolatesEgress: true,
                egress: [PolicyRuleState(peers: [.pods(podSelector: app("db"), namespaceSelector: nil)],
                                         ports: [PolicyPortState(proto: .tcp, port: .name("pg"))])]),
        ]
        return ClusterState(
            nodes: [DataplaneFixture.node("node-1", "192.168.77.11", podCIDR: "10.244.1.0/24"),
                    DataplaneFixture.node("node-2", "192.168.77.12", podCIDR: "10.244.2.0/24")],
            pods: pods, networkPolicies: policies,
            namespaceLabels: ["prod": ["kubernetes.io/metadata.name": "prod"], "dev": ["kubernetes.io/metadata.name": "dev"]])
    }

    static func files() -> [String: String] { files(cluster()) }

    /// The policy files of a cluster by path.
    static func files(_ state: ClusterState) -> [String: String] {
        var result: [String: String] = [:]
        for file in PolicyEmitter().emit(state) { result[file.path] = file.text }
        return result
    }
}

@Suite struct PolicyEmitterGoldenTests {
    @Test(arguments: ["node-1", "node-2"])
    func policyRulesMatchTheirGoldenFile(node: String) {
        let files = PolicyFixture.files()
        DataplaneGolden.check(files["nodes/\(node)/policy.rules"] ?? "", "policy-\(node).rules")
        DataplaneGolden.check(files["nodes/\(node)/policy.ipset"] ?? "", "policy-\(node).ipset")
    }

    @Test func onlyIsolatedPodsGetChains() {
        let rules = PolicyFixture.files()["nodes/node-2/policy.rules"] ?? ""
        // tool-0 in dev is selected by nothing: no jump names its address.
        #expect(!rules.contains("10.244.2.11"))
        #expect(rules.contains("-d 10.244.2.10/32"))
    }

    @Test func egressJumpsComeBeforeIngressJumps() throws {
        let lines = (PolicyFixture.files()["nodes/node-1/policy.rules"] ?? "").split(separator: "\n")
        let forward = lines.filter { $0.hasPrefix("-A KUBE-NWP-FORWARD") }
        let firstIngress = try #require(forward.firstIndex { $0.contains(" -d ") })
        let lastEgress = try #require(forward.lastIndex { $0.contains(" -s ") })
        #expect(lastEgress < firstIngress)
    }

    @Test func egressToANamedPortUsesASetOfThePodsExposingIt() {
        let files = PolicyFixture.files()
        let rules = files["nodes/node-1/policy.rules"] ?? ""
        #expect(rules.contains("--dport 5432 -j RETURN"))
        let sets = files["nodes/node-1/policy.ipset"] ?? ""
        #expect(sets.contains("add KNP-") && sets.contains("10.244.2.10"))
    }

    @Test func ipBlockExceptionsAreNomatchEntries() {
        let sets = PolicyFixture.files()["nodes/node-2/policy.ipset"] ?? ""
        #expect(sets.contains("192.168.0.0/16 comment"))
        #expect(sets.contains("192.168.66.0/24 comment \"prod/db-access ingress rule 1 peer 0 except\" nomatch"))
    }

    @Test func outputIsTheSameWhateverTheInputOrder() {
        var shuffled = PolicyFixture.cluster()
        shuffled.pods.reverse()
        shuffled.networkPolicies.reverse()
        shuffled.networkPolicies.sort { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        let again = PolicyEmitter().emit(shuffled)
        #expect(again == PolicyEmitter().emit(PolicyFixture.cluster()))
    }
}

@Suite(.serialized, .enabled(if: RealTool.isCI || DataplaneHost.canUseNamespaces, "needs root with ip, iptables-restore and ipset"))
struct PolicyEmitterRealToolsTests {
    @Test(arguments: ["node-1", "node-2"])
    func policyFilesLoadWithIpsetAndIptablesRestore(node: String) {
        let files = PolicyFixture.files()
        let namespace = DataplaneHost.uniquePrefix() + "-pol"
        DataplaneHost.withNamespaces([namespace]) {
            let sets = DataplaneHost.exec(namespace, ["ipset", "-exist", "restore"],
                                          input: Array((files["nodes/\(node)/policy.ipset"] ?? "").utf8))
            #expect(sets.succeeded, "ipset restore: \(sets.error)")
            let rules = DataplaneHost.exec(namespace, ["iptables-restore", "--noflush"],
                                           input: Array((files["nodes/\(node)/policy.rules"] ?? "").utf8))
            #expect(rules.succeeded, "iptables-restore: \(rules.error)")
            let listed = DataplaneHost.exec(namespace, ["iptables", "-S", "KUBE-NWP-FORWARD"])
            #expect(listed.output.contains("-j KUBE-NWP-IN-"))
            DataplaneHost.exec(namespace, ["ipset", "destroy"])
        }
    }
}

@Suite struct PolicyEmitterInjectionTests {
    @Test func namesCannotBreakOutOfComments() {
        var state = PolicyFixture.cluster()
        state.pods[0].name = "web\" -j ACCEPT\n-A FORWARD"
        state.networkPolicies[1].name = "evil\"\n*nat"
        let rules = PolicyEmitter().emit(state).first { $0.path == "nodes/node-1/policy.rules" }?.text ?? ""
        #expect(!rules.contains("\" -j ACCEPT"))
        #expect(!rules.contains("\n*nat"))
        #expect(rules.split(separator: "\n").allSatisfy { $0.filter { $0 == "\"" }.count % 2 == 0 })
    }
}
