import Foundation
import KubeDiff
import Testing

/// `kubec diff --cluster` on kube-proxy's nftables mode: each node's `nftables.nft` compared line by line, new and
/// gone chains and sets named, elements reported as the lines themselves.
struct NFTablesDiffTests {
    static var scaledUp: CompiledDiff {
        CompiledFixture.diff(CompiledFixture.app, CompiledFixture.app(replacing: "replicas: 2", with: "replicas: 3"))
    }

    @Test func scalingUpAddsOneEndpointChainPerServicePortOnEveryNode() {
        let nftables = Self.scaledUp.rules.filter { $0.file == "nftables.nft" }
        #expect(nftables.map(\.node) == CompiledFixture.nodes)
        for change in nftables {
            // Two service ports (http, metrics): one new endpoint chain each, none gone.
            #expect(change.chainsAdded.count == 2, "\(change.chainsAdded)")
            #expect(change.chainsAdded.allSatisfy { $0.hasPrefix("endpoint-") && $0.hasSuffix(" (ip)") })
            #expect(change.chainsRemoved.isEmpty, "\(change.chainsRemoved)")
        }
    }

    @Test func scalingUpRewritesTheLoadBalancingRuleAndKeepsServiceElements() {
        for change in Self.scaledUp.rules where change.file == "nftables.nft" {
            #expect(change.added.contains { $0.contains(" numgen random mod 3 vmap { ") }, "\(change.added)")
            #expect(change.removed.contains { $0.contains(" numgen random mod 2 vmap { ") }, "\(change.removed)")
            // The Service keeps its addresses, so no service-ips element changes.
            #expect(!(change.added + change.removed).contains { $0.hasPrefix("add element ") }, "\(change.added)")
        }
    }

    @Test func aNewServiceAddsItsElementsAndChains() {
        let extra = """

            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web-extra, namespace: shop}
            spec: {selector: {app: web}, ports: [{name: http, port: 8081, targetPort: 8080}]}
            """
        let diff = CompiledFixture.diff(CompiledFixture.app, CompiledFixture.app + extra)
        let nftables = diff.rules.filter { $0.file == "nftables.nft" }
        #expect(nftables.count == CompiledFixture.nodes.count)
        for change in nftables {
            #expect(change.added.contains { $0.hasPrefix("add element ip kube-proxy cluster-ips { ") })
            #expect(
                change.added.contains {
                    $0.hasPrefix("add element ip kube-proxy service-ips { ")
                        && $0.contains(" . tcp . 8081 : goto service-")
                })
            #expect(change.chainsAdded.contains { $0.hasPrefix("service-") && $0.contains("shop/web-extra/tcp/http") })
            #expect(change.removedCount == 0, "\(change.removed)")
        }
    }
}
