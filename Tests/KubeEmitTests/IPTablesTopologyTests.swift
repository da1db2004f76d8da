@testable import KubeEmit
import KubePlan
import Testing

/// `trafficDistribution: PreferClose`: each endpoint is hinted for its node's zone, and kube-proxy on a node
/// narrows cluster endpoints to its own zone when it can (`canUseTopology`).
@Suite struct IPTablesTopologyTests {
    /// The endpoints node `node`'s SVC chain jumps to, as `IP:port`.
    static func endpoints(_ state: ClusterState, node: String) -> [String] {
        let text = IPTablesEmitter().emit(state).first { $0.path == "nodes/\(node)/iptables.rules" }?.text ?? ""
        return text.split(separator: "\n")
            .filter { $0.hasPrefix("-A KUBE-SVC-") && $0.contains("-j KUBE-SEP-") }
            .compactMap { line in line.split(separator: " ").first { $0.hasPrefix("10.244.") }.map { String($0.dropLast()) } }
    }

    @Test func aNodeUsesTheEndpointsOfItsZone() {
        #expect(Self.endpoints(DataplaneFixtures.preferClose, node: "node-1") == ["10.244.1.10:8080"])
        #expect(Self.endpoints(DataplaneFixtures.preferClose, node: "node-2") == ["10.244.2.10:8080", "10.244.2.11:8080"])
    }

    @Test func aZoneWithoutEndpointsAndANodeWithoutZoneUseThemAll() {
        let all = ["10.244.1.10:8080", "10.244.2.10:8080", "10.244.2.11:8080"]
        #expect(Self.endpoints(DataplaneFixtures.preferClose, node: "node-3") == all)
        #expect(Self.endpoints(DataplaneFixtures.preferClose, node: "node-4") == all)
    }

    @Test func anEndpointWithoutAZoneHintTurnsTopologyOff() {
        var state = DataplaneFixtures.preferClose
        state.nodes[1].labels["topology.kubernetes.io/zone"] = nil
        #expect(Self.endpoints(state, node: "node-1").count == 3)
    }

    @Test func withoutTrafficDistributionEveryNodeUsesEveryEndpoint() {
        var state = DataplaneFixtures.preferClose
        state.services[0].prefersSameZone = false
        #expect(Self.endpoints(state, node: "node-1").count == 3)
        #expect(Self.endpoints(state, node: "node-2").count == 3)
    }
}
