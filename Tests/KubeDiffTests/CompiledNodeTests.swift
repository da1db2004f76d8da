import Foundation
import KubeDiff
import Testing

/// What adding a Node does to a compiled plan.
///
/// kubec plans each side from scratch, as a fresh `kubectl apply` onto that cluster would; it does not model
/// pods already running. kube-scheduler breaks score ties by reservoir sampling over the feasible nodes with one
/// random stream (kubec: a seeded SplitMix64), so a node that joins the feasible set of a tied pod changes the
/// draws, and a pod can land on another *old* node even though the new node gets nothing. A node no pod can use
/// (tainted) leaves every feasible set, every draw and so every placement as it was.
struct CompiledNodeTests {
    static let extraNode = CompiledFixture.text("extra-node.yaml")

    static func withExtraNode(_ node: String) -> CompiledDiff {
        CompiledFixture.diff(
            old: [("old/shop.yaml", CompiledFixture.app)],
            new: [("new/shop.yaml", CompiledFixture.app), ("new/extra-node.yaml", node)])
    }

    @Test func addingATaintedNodeMovesNothing() {
        let tainted = Self.extraNode.replacingOccurrences(
            of: "spec:\n", with: "spec:\n  taints:\n    - key: dedicated\n      effect: NoSchedule\n")
        let diff = Self.withExtraNode(tainted)
        #expect(diff.pods.isEmpty)
        #expect(diff.routes.isEmpty)
        // Only the new node's own files appear: kube-proxy programs every Service on every node.
        #expect(Set(diff.rules.map(\.node)) == ["worker-4"])
        #expect(diff.rules.allSatisfy { $0.removed.isEmpty && !$0.added.isEmpty })
    }

    @Test func addingASchedulableNodeMovesNoRunningPod() {
        let diff = Self.withExtraNode(Self.extraNode)
        // The new side is planned on top of the old one (running pods stay put, as on a live cluster), so
        // a new node only gains its own kube-proxy and policy files.
        #expect(diff.pods.isEmpty)
        let newNode = diff.rules.filter { $0.node == "worker-4" }
        #expect(newNode.map(\.file) == ["iptables.rules", "nftables.nft", "policy.rules"])
        #expect(newNode.allSatisfy { $0.removed.isEmpty })
    }
}
