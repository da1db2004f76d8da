@testable import KubeEmit
import KubePlan
import Testing

/// Every focused fixture through the iptables emitter against `Golden/<fixture>.iptables` (all nodes, each
/// file under a `==> path <==` line). Reviewed by eye when recorded.
@Suite struct IPTablesEmitterGoldenTests {
    static func joined(_ files: [OutputFile]) -> String {
        files.map { "==> \($0.path) <==\n\($0.text)" }.joined(separator: "\n")
    }

    @Test(arguments: DataplaneFixtures.all.map(\.0))
    func fixtureMatchesGolden(_ name: String) {
        guard let state = DataplaneFixtures.all.first(where: { $0.0 == name })?.1 else { return }
        DataplaneGolden.check(Self.joined(IPTablesEmitter().emit(state)), "\(name).iptables")
    }

    @Test func nodeFilterSelectsNodes() {
        var options = IPTablesOptions()
        options.nodes = ["node-2"]
        #expect(
            IPTablesEmitter(options: options).emit(DataplaneFixtures.clusterIP).map(\.path) == [
                "nodes/node-2/iptables.rules"
            ])
    }

    @Test func outputDoesNotDependOnInputOrder() {
        var state = DataplaneFixtures.demo
        let expected = IPTablesEmitter().emit(state)
        state.services.reverse()
        state.nodes.reverse()
        #expect(IPTablesEmitter().emit(state) == expected)
    }

    @Test func largeClusterModeDropsEndpointComments() {
        var options = IPTablesOptions()
        options.largeClusterEndpointsThreshold = 1
        let text = IPTablesEmitter(options: options).emit(DataplaneFixtures.clusterIP).first?.text ?? ""
        #expect(text.contains("-A KUBE-SVC-") && !text.contains(" -> 10.244"))
        #expect(text.contains("\"shop/web:http cluster IP\""))
    }

    @Test func masqueradeMarkFollowsSettings() {
        var state = DataplaneFixtures.clusterIP
        state.settings.masqueradeBit = 12
        let text = IPTablesEmitter().emit(state).first?.text ?? ""
        #expect(text.contains("-A KUBE-MARK-MASQ -j MARK --or-mark 0x00001000\n"))
    }
}

/// Rendering node-independent service ports once and copying them must equal rendering everything per node.
@Suite struct IPTablesSharingTests {
    @Test(arguments: DataplaneFixtures.all.map(\.0))
    func sharedRenderingEqualsPerNodeRendering(_ name: String) {
        guard let state = DataplaneFixtures.all.first(where: { $0.0 == name })?.1 else { return }
        var perNode = IPTablesEmitter()
        perNode.shareAcrossNodes = false
        #expect(IPTablesEmitter().emit(state) == perNode.emit(state))
    }
}
