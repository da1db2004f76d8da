import Foundation
import KubeEmit
import KubeModel
import KubePlan

/// Helpers for the nftables tests: kube-proxy's test normalisation and its fake proxier's cluster.
enum NFTablesTestSupport {
    /// kube-proxy's `sortNFTablesTransaction` (pkg/proxy/nftables/helpers_test.go), rewritten: drop blank and `#`
    /// lines, then a stable sort by object type (table, chain, rule, set, map, element), then object name; rules
    /// of one chain keep their order, other lines with the same name go by the whole line.
    static func normalise(_ text: String) -> [String] {
        let rank = ["table": 10, "chain": 9, "rule": 8, "set": 7, "map": 6, "element": 5]
        let lines = text.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !$0.hasPrefix("#") }
        let words = lines.map { $0.split(separator: " ", omittingEmptySubsequences: false).map(String.init) }
        let order = lines.indices.sorted { left, right in
            let a = words[left]
            let b = words[right]
            guard a.count >= 5, b.count >= 5 else { return left < right }
            if a[1] != b[1] { return (rank[a[1]] ?? 0) > (rank[b[1]] ?? 0) }
            if a[4] != b[4] { return a[4].utf8.lexicographicallyPrecedes(b[4].utf8) }
            if a[1] == "rule" || lines[left] == lines[right] { return left < right }
            return lines[left].utf8.lexicographicallyPrecedes(lines[right].utf8)
        }
        return order.map { lines[$0] }
    }

    /// A stored vector from `Golden/` ("" when missing, which the comparison then reports).
    static func vector(_ name: String) -> String {
        (try? String(contentsOfFile: DataplaneGolden.folder + "/" + name, encoding: .utf8)) ?? ""
    }

    /// `baseRules` plus a test's own expected lines, as kube-proxy's tests concatenate them.
    static func expected(_ name: String) -> [String] {
        normalise(vector("kube-proxy-nftables-baseRules.nft") + "\n" + vector(name))
    }

    /// The fake proxier's cluster: node `test-node` at 192.168.0.2, pod CIDR 10.0.0.0/8, Services 172.30.0.0/16.
    static func fakeCluster(_ services: [ServiceState]) -> ClusterState {
        var settings = ClusterSettings()
        settings.clusterCIDRs = [cidr("10.0.0.0/8")]
        settings.serviceCIDRs = [cidr("172.30.0.0/16")]
        let node = NodeState(name: "test-node", addresses: [addr("192.168.0.2")], podCIDRs: [])
        return ClusterState(settings: settings, nodes: [node], services: services)
    }

    /// The single node's `nftables.nft` for `state` with the fake proxier's options.
    static func unitTestRuleset(_ state: ClusterState, family: IPFamily = .v4) -> String {
        let files = NFTablesEmitter(options: .kubeProxyUnitTest(family)).emit(state).files
        return files.first?.text ?? ""
    }
}
