import Foundation
import KubeEmit
import KubePlan
import KubeTestSupport
import Testing

/// Every generated file loaded by the real tools, each fixture in a network namespace of its own that the
/// test creates and deletes: `iptables-restore --test` for iptables.rules, `ipset restore` for ipset.rules,
/// and (after the sets exist) `iptables-restore --test` for ipvs-iptables.rules.
@Suite(.serialized, .enabled(if: RealTool.isCI || DataplaneHost.canUseNamespaces, "needs root with ip, iptables-restore and ipset"))
struct DataplaneRealToolsTests {
    static var cases: [String] { DataplaneFixtures.all.map(\.0) + ["kube-proxy-overall"] }

    static func state(_ name: String) -> ClusterState {
        DataplaneFixtures.all.first(where: { $0.0 == name })?.1 ?? KubeProxyTestVectorTests.overallState
    }

    @Test(arguments: cases)
    func iptablesRulesPassRestoreTest(_ name: String) {
        var options = IPTablesOptions()
        if name == "kube-proxy-overall" { options.nfacctCounters = false }
        let files = IPTablesEmitter(options: options).emit(Self.state(name))
        #expect(!files.isEmpty)
        let namespace = DataplaneHost.uniquePrefix()
        DataplaneHost.withNamespaces([namespace]) {
            for file in files {
                let result = DataplaneHost.exec(namespace, ["iptables-restore", "--test"], input: file.contents)
                #expect(result.succeeded, "\(file.path): \(result.error)")
            }
        }
    }

    @Test func ip6tablesRulesPassRestoreTest() {
        var options = IPTablesOptions()
        options.family = .v6
        let files = IPTablesEmitter(options: options).emit(DataplaneFixtures.ipv6)
        #expect(files.count == 2)
        let namespace = DataplaneHost.uniquePrefix()
        DataplaneHost.withNamespaces([namespace]) {
            for file in files {
                let result = DataplaneHost.exec(namespace, ["ip6tables-restore", "--test"], input: file.contents)
                #expect(result.succeeded, "\(file.path): \(result.error)")
            }
        }
    }

    @Test(arguments: cases)
    func ipsetAndIPVSIPTablesRulesLoad(_ name: String) {
        let files = IPVSEmitter().emit(Self.state(name))
        let namespace = DataplaneHost.uniquePrefix()
        DataplaneHost.withNamespaces([namespace]) {
            for file in files where file.path.hasSuffix("/ipset.rules") {
                // Each node's sets replace the previous node's: flush and destroy between files.
                DataplaneHost.exec(namespace, ["ipset", "destroy"])
                let restore = DataplaneHost.exec(namespace, ["ipset", "restore"], input: file.contents)
                #expect(restore.succeeded, "\(file.path): \(restore.error)")
                let saved = DataplaneHost.exec(namespace, ["ipset", "save"])
                let expectedAdds = file.text.split(separator: "\n").filter { $0.hasPrefix("add ") }.count
                let savedAdds = saved.output.split(separator: "\n").filter { $0.hasPrefix("add ") }.count
                #expect(savedAdds == expectedAdds, "\(file.path): ipset save lists \(savedAdds) members")
                let rulesPath = file.path.replacingOccurrences(of: "ipset.rules", with: "ipvs-iptables.rules")
                if let rules = files.first(where: { $0.path == rulesPath }) {
                    let test = DataplaneHost.exec(namespace, ["iptables-restore", "--test"], input: rules.contents)
                    #expect(test.succeeded, "\(rules.path): \(test.error)")
                }
            }
        }
    }

    /// The script creates `kube-ipvs0` as a dummy link. On a kernel without the dummy type (CONFIG_DUMMY, as on
    /// the CI machines) the test makes the device a bridge first: the script keeps an existing `kube-ipvs0`,
    /// and binding the addresses, which is what is checked, works on any link type.
    @Test func ipvsSetupScriptBindsEveryServiceAddressOnKubeIPVS0() {
        let files = IPVSEmitter().emit(DataplaneFixtures.demo)
        guard let script = files.first(where: { $0.path == "nodes/node-1/ipvs-setup.sh" }) else {
            Issue.record("no ipvs-setup.sh")
            return
        }
        #expect(script.executable)
        let namespace = DataplaneHost.uniquePrefix()
        DataplaneHost.withNamespaces([namespace]) {
            if !DataplaneHost.canCreateDummyLinks {
                let bridge = DataplaneHost.exec(namespace, ["ip", "link", "add", "kube-ipvs0", "type", "bridge"])
                #expect(bridge.succeeded, "no dummy link type, and no bridge either: \(bridge.error)")
            }
            let run = DataplaneHost.exec(namespace, ["sh", "-s"], input: script.contents)
            #expect(run.succeeded, "ipvs-setup.sh: \(run.error)")
            let shown = DataplaneHost.exec(namespace, ["ip", "-o", "-4", "addr", "show", "dev", "kube-ipvs0"]).output
            let bound = Set(
                shown.split(separator: "\n").compactMap { line in
                    line.split(separator: " ").drop { $0 != "inet" }.dropFirst().first.map(String.init)
                })
            let expected = Set(
                script.text.split(separator: "\n").filter { $0.hasPrefix("ip addr replace") }.compactMap {
                    $0.split(separator: " ").dropFirst(3).first.map(String.init)
                })
            #expect(!expected.isEmpty && bound == expected, "kube-ipvs0 has \(bound)")
        }
    }

    @Test func ipvsSetupScriptsParseAsShell() {
        for file in IPVSEmitter().emit(DataplaneFixtures.demo) where file.path.hasSuffix("ipvs-setup.sh") {
            let check = DataplaneHost.run(["sh", "-n"], input: file.contents)
            #expect(check.succeeded, "\(file.path): \(check.error)")
        }
    }
}
