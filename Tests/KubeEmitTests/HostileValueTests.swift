import Foundation
import KubeEmit
import KubeModel
import KubePlan
import KubeTestSupport
import Testing

/// Hostile values fed straight to the emitters (no linter in front): none reaches a rule, a set, a script, a
/// zone or a path, and what is written still loads in the real tool.
@Suite(.serialized)
struct HostileValueTests {
    /// Values an attacker or a careless user might put where a name or port goes.
    static let hostileNames = [
        "web\n-A INPUT -j ACCEPT", "web;reboot", "$(touch /tmp/kubec-pwned)", "web\"-j ACCEPT\"", "web\u{0}x",
        "web' ; touch /tmp/kubec-pwned ; '", String(repeating: "a", count: 5000), "../../etc", "Web",
    ]

    static let payloadMarkers = ["-A INPUT -j ACCEPT", "kubec-pwned", "reboot", "../", "\u{0}"]

    /// One valid Service and Node, plus one hostile Service and Node per hostile name.
    static var state: ClusterState {
        var state = ClusterState()
        state.nodes = [DataplaneFixture.node("node-1", "192.168.0.1", podCIDR: "10.244.1.0/24")]
        state.services = [
            DataplaneFixture.service(
                "default", "web", clusterIP: "10.96.0.20",
                ports: [DataplaneFixture.port("http", 80, endpoints: [DataplaneFixture.endpoint("10.244.1.5", 8080, node: "node-1")])])
        ]
        for (index, name) in hostileNames.enumerated() {
            state.nodes.append(DataplaneFixture.node(name, "192.168.0.\(index + 10)", podCIDR: "10.244.\(index + 10).0/24"))
            state.services.append(
                DataplaneFixture.service(
                    "default", name, clusterIP: "10.96.1.\(index + 1)",
                    ports: [DataplaneFixture.port("http", 80, endpoints: [DataplaneFixture.endpoint("10.244.1.6", 8080)])]))
            state.services.append(
                DataplaneFixture.service(
                    name, "svc", clusterIP: "10.96.2.\(index + 1)",
                    ports: [DataplaneFixture.port("http", 80, endpoints: [DataplaneFixture.endpoint("10.244.1.7", 8080)])]))
        }
        // Out-of-range ports: service port, endpoint port, node port.
        state.services.append(
            DataplaneFixture.service(
                "default", "big-port", clusterIP: "10.96.3.1",
                ports: [DataplaneFixture.port("http", 1_000_000_000, endpoints: [DataplaneFixture.endpoint("10.244.1.8", 80)])]))
        state.services.append(
            DataplaneFixture.service(
                "default", "big-target", clusterIP: "10.96.3.2",
                ports: [DataplaneFixture.port("http", 81, endpoints: [DataplaneFixture.endpoint("10.244.1.9", 70000)])]))
        return state
    }

    static func expectClean(_ files: [OutputFile], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!files.isEmpty, sourceLocation: sourceLocation)
        for file in files {
            #expect(file.path.hasPrefix("nodes/node-1/") || !file.path.hasPrefix("nodes/"), "\(file.path)",
                    sourceLocation: sourceLocation)
            #expect(OutputFileCheck.problem(file) == nil, "\(file.path)", sourceLocation: sourceLocation)
            for marker in payloadMarkers {
                #expect(!file.text.contains(marker), "\(file.path) holds \(marker.debugDescription)",
                        sourceLocation: sourceLocation)
            }
            #expect(!file.text.contains("1000000000") && !file.text.contains("70000"), "\(file.path)",
                    sourceLocation: sourceLocation)
        }
    }

    @Test func iptablesRulesHoldNoHostileValue() {
        let files = IPTablesEmitter().emit(Self.state)
        Self.expectClean(files)
        #expect(files.map(\.path) == ["nodes/node-1/iptables.rules"])
        #expect(files.first?.text.contains("default/web:http") == true)
    }

    @Test func ipvsFilesHoldNoHostileValue() {
        let files = IPVSEmitter().emit(Self.state)
        Self.expectClean(files)
        #expect(files.contains { $0.path == "nodes/node-1/ipvs-setup.sh" })
    }

    @Test func policyFilesHoldNoHostileValue() {
        var state = Self.state
        state.networkPolicies = [
            NetworkPolicyState(
                namespace: "default", name: "wide", ingress: [PolicyRuleState(ports: [PolicyPortState(port: .number(8080), endPort: 65536)])]),
            NetworkPolicyState(namespace: "default", name: "web\n-A INPUT -j ACCEPT"),
        ]
        let files = PolicyEmitter().emit(state)
        Self.expectClean(files)
        #expect(!files.contains { $0.text.contains("65536") })
    }

    @Test func dnsZonesHoldNoHostileValue() throws {
        let emitted = DNSZoneEmitter.emit(Self.state)
        Self.expectClean(emitted.files)
        if RealTool.available("named-checkzone") { try DNSNginxTools.checkZones(emitted.files) }
    }

    @Test func guardNamesEveryObjectLeftOut() {
        let diagnostics = DataplaneInputGuard.admit(Self.state).diagnostics
        // Every hostile node and both hostile services per name, plus the two port cases.
        #expect(diagnostics.count == Self.hostileNames.count * 3 + 2)
        #expect(diagnostics.contains { $0.message.hasPrefix("Service default/big-port left out of the outputs: port 1000000000") })
        #expect(diagnostics.allSatisfy { !$0.message.contains("\n") && $0.rule == DataplaneInputGuard.ruleID })
    }

    @Test func iptablesRulesLoadInRestoreTest() throws {
        guard RealTool.require(DataplaneHost.canUseNamespaces, "root with ip, iptables-restore and ipset") else { return }
        let files = IPTablesEmitter().emit(Self.state) + IPVSEmitter().emit(Self.state)
        let namespace = DataplaneHost.uniquePrefix()
        DataplaneHost.withNamespaces([namespace]) {
            for file in files where file.path.hasSuffix("ipset.rules") {
                let result = DataplaneHost.exec(namespace, ["ipset", "restore"], input: file.contents)
                #expect(result.succeeded, "\(file.path): \(result.error)")
            }
            for file in files where file.path.hasSuffix("tables.rules") {
                let result = DataplaneHost.exec(namespace, ["iptables-restore", "--test"], input: file.contents)
                #expect(result.succeeded, "\(file.path): \(result.error)")
            }
            DataplaneHost.exec(namespace, ["ipset", "destroy"])
        }
    }

    @Test func ipvsSetupScriptParsesInShell() throws {
        guard RealTool.require(RealTool.available("bash"), "bash") else { return }
        for file in IPVSEmitter().emit(Self.state) where file.path.hasSuffix(".sh") {
            let result = DataplaneHost.run(["bash", "-n"], input: file.contents)
            #expect(result.succeeded, "\(file.path): \(result.error)")
        }
    }
}
