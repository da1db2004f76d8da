import BenchmarkInputs
import KubeModel
import KubePlan
import Testing

@testable import KubeEmit

/// Every focused fixture, IPv6 and dual-stack through the nftables emitter against golden files.
///
/// `Golden/<fixture>.nft` holds all nodes, each file under a `==> path <==` line. Reviewed by eye when recorded.
@Suite struct NFTablesEmitterGoldenTests {
    static func joined(_ files: [OutputFile]) -> String {
        files.map { "==> \($0.path) <==\n\($0.text)" }.joined(separator: "\n")
    }

    static var cases: [(String, ClusterState)] { DataplaneFixtures.all + [("ipv6", DataplaneFixtures.ipv6)] }

    @Test(arguments: cases.map(\.0))
    func fixtureMatchesGolden(_ name: String) {
        guard let state = Self.cases.first(where: { $0.0 == name })?.1 else { return }
        DataplaneGolden.check(Self.joined(NFTablesEmitter().emit(state).files), "\(name).nft")
    }

    @Test func dualStackNodesHoldBothTables() {
        let files = DualStackCompilation.files().files.filter { $0.path.hasSuffix("/nftables.nft") }
        DataplaneGolden.check(Self.joined(files), "dual-stack.nft")
        for file in files {
            #expect(file.text.contains("add table ip kube-proxy ") && file.text.contains("add table ip6 kube-proxy "))
        }
    }

    @Test func nodeFilterSelectsNodes() {
        var options = NFTablesOptions()
        options.nodes = ["node-2"]
        let files = NFTablesEmitter(options: options).emit(DataplaneFixtures.clusterIP).files
        #expect(files.map(\.path) == ["nodes/node-2/nftables.nft"])
    }

    @Test func outputDoesNotDependOnInputOrder() {
        var state = DataplaneFixtures.demo
        let expected = NFTablesEmitter().emit(state).files
        state.services.reverse()
        state.nodes.reverse()
        #expect(NFTablesEmitter().emit(state).files == expected)
    }

    /// A node's service ports rendered in parts on every core and merged give the same file as one pass.
    @Test func renderingInPartsEqualsOnePass() {
        let state = IPTablesBenchmark.cluster(services: 3000)
        var single = NFTablesEmitter()
        single.splitAcrossCores = false
        let expected = single.emit(state).files
        #expect(expected.count == 1 && expected.first?.contents.count ?? 0 > 3_000_000)
        #expect(NFTablesEmitter().emit(state).files == expected)
    }

    @Test func masqueradeMarkFollowsSettings() {
        var state = DataplaneFixtures.clusterIP
        state.settings.masqueradeBit = 12
        let text = NFTablesEmitter().emit(state).files.first?.text ?? ""
        #expect(text.contains("add rule ip kube-proxy mark-for-masquerade mark set mark or 0x00001000\n"))
    }

    @Test func allLocalAddressesDropTheNodePortSet() {
        var options = NFTablesOptions()
        options.nodePortAddresses = .all
        let text = NFTablesEmitter(options: options).emit(DataplaneFixtures.nodePort).files.first?.text ?? ""
        #expect(!text.contains("nodeport-ips"))
        #expect(
            text.contains(
                "add rule ip kube-proxy services fib daddr type local ip daddr != 127.0.0.0/8 meta l4proto . th dport vmap @service-nodeports\n"
            ))
    }

    @Test func masqueradeAllMarksEveryClusterIPConnection() {
        var state = DataplaneFixtures.clusterIP
        state.settings.masqueradeAll = true
        let text = NFTablesEmitter().emit(state).files.first?.text ?? ""
        #expect(text.contains(" ip daddr 10.96.0.20 jump mark-for-masquerade\n"))
        #expect(!text.contains("saddr != 10.244.0.0/16 jump mark-for-masquerade"))
    }

    @Test func aHostileNodeNameNeverBecomesAPath() {
        var state = DataplaneFixtures.clusterIP
        let hostile = "evil\ntouch /tmp/kubec-pwned"
        state.nodes[0].name = hostile
        let paths = NFTablesEmitter().emit(state).files.map(\.path)
        #expect(!paths.isEmpty)
        #expect(!paths.contains { $0.contains("evil") || $0.contains("\n") })
    }

    @Test func aHostileServiceNameIsLeftOutWithADiagnostic() {
        var state = DataplaneFixtures.clusterIP
        state.services[0].name = "web\"; flush ruleset"
        let admitted = DataplaneInputGuard.admit(state)
        #expect(admitted.diagnostics.map(\.rule) == [DataplaneInputGuard.ruleID])
        // Straight to the emitter too: the shared port plan drops what nft's grammar would not take.
        for input in [admitted.state, state] {
            let text = NFTablesEmitter().emit(input).files.first?.text ?? ""
            #expect(!text.contains("ruleset") && text.contains("add table ip kube-proxy "))
        }
    }
}
