import Foundation
import KubeDiff
import Testing

/// `kubec diff --cluster`: what a change does once both sides are compiled onto the fixture cluster.
struct CompiledDiffTests {
    @Test func sameAppOnSameClusterHasNoCompiledDifferences() {
        let diff = CompiledFixture.diff(CompiledFixture.app, CompiledFixture.app)
        #expect(!diff.hasDifferences)
    }

    @Test func scalingUpAddsExactlyOnePod() {
        let diff = CompiledFixture.diff(
            CompiledFixture.app, CompiledFixture.app(replacing: "replicas: 2", with: "replicas: 3"))
        #expect(diff.pods.count == 1)
        #expect(diff.pods.first?.change == .added)
        #expect(diff.pods.first?.owner == "Deployment/web")
        #expect(diff.pods.first?.newNode != nil)
    }

    @Test func scalingUpAddsOneEndpointChainPerServicePortOnEveryNode() {
        let diff = CompiledFixture.diff(
            CompiledFixture.app, CompiledFixture.app(replacing: "replicas: 2", with: "replicas: 3"))
        let iptables = diff.rules.filter { $0.file == "iptables.rules" }
        #expect(iptables.map(\.node) == CompiledFixture.nodes)
        for change in iptables {
            // Two service ports (http, metrics): one new KUBE-SEP chain each, none gone.
            #expect(change.chainsAdded.filter { $0.hasPrefix("KUBE-SEP-") }.count == 2, "\(change.node)")
            #expect(change.chainsAdded.count == 2, "\(change.chainsAdded)")
            #expect(change.chainsRemoved.isEmpty, "\(change.chainsRemoved)")
        }
    }

    @Test func scalingUpLeavesClusterIPZoneAndServiceAddressesAlone() {
        let diff = CompiledFixture.diff(
            CompiledFixture.app, CompiledFixture.app(replacing: "replicas: 2", with: "replicas: 3"))
        #expect(diff.dns.isEmpty)
        #expect(diff.services.isEmpty)
    }

    @Test func scalingUpGivesTheNginxUpstreamOneServer() throws {
        let diff = CompiledFixture.diff(
            CompiledFixture.app, CompiledFixture.app(replacing: "replicas: 2", with: "replicas: 3"))
        #expect(diff.routes.count == 1)
        let route = try #require(diff.routes.first)
        #expect(route.change == .modified)
        #expect(route.host == "shop.example.com")
        #expect(route.serversAdded.count == 1)
        #expect(route.serversRemoved.isEmpty)
        let newIP = try #require(diff.pods.first?.newIP)
        #expect(route.serversAdded == ["\(newIP):8080"])
    }

    @Test func servicePortChangeChangesIPTablesOnEveryNode() {
        let diff = CompiledFixture.diff(
            CompiledFixture.app, CompiledFixture.app(replacing: "port: 80\n", with: "port: 8000\n"))
        #expect(diff.rules.filter { $0.file == "iptables.rules" }.map(\.node) == CompiledFixture.nodes)
        #expect(diff.pods.isEmpty)
        #expect(diff.services.isEmpty)
    }

    @Test func networkPolicyChangeChangesOnlyPolicyRules() {
        let diff = CompiledFixture.diff(
            CompiledFixture.app, CompiledFixture.app(replacing: "port: 8080\n", with: "port: 8081\n"))
        #expect(!diff.rules.isEmpty)
        #expect(diff.rules.allSatisfy { $0.file == "policy.rules" })
        #expect(diff.pods.isEmpty)
        #expect(diff.services.isEmpty)
        #expect(diff.dns.isEmpty)
        #expect(diff.routes.isEmpty)
    }

    @Test func scalingUpAPolicyPeerAddsItsIPToThePolicyIPSets() throws {
        // The policy admits web pods from web pods: each node that runs one keeps the peers' IPs in an ipset, so
        // a new web pod adds its IP to the set on every such node (and the set itself on a node that had none).
        let peered = CompiledFixture.app(
            replacing: "    - ports:\n        - protocol: TCP\n          port: 8080",
            with: "    - from:\n        - podSelector: {matchLabels: {app: web}}\n      ports:\n        - protocol: TCP\n          port: 8080")
        let diff = CompiledFixture.diff(peered, peered.replacingOccurrences(of: "replicas: 2", with: "replicas: 3"))
        let newIP = try #require(diff.pods.first?.newIP)
        let ipsets = diff.rules.filter { $0.file == "policy.ipset" }
        #expect(!ipsets.isEmpty)
        for change in ipsets {
            let found = change.added.contains { $0.hasPrefix("add ") && $0.contains(" \(newIP) ") }
            #expect(found, "\(change.node): \(change.added)")
            #expect(change.removed.isEmpty, "\(change.removed)")
        }
    }

    @Test func templateChangeReadsAsReplacedPods() {
        let diff = CompiledFixture.diff(
            CompiledFixture.app, CompiledFixture.app(replacing: "image: nginx:1.27", with: "image: nginx:1.28"))
        #expect(diff.pods.map(\.change) == [.replaced, .replaced])
        #expect(diff.pods.allSatisfy { $0.oldName != nil && $0.oldName != $0.name && $0.owner == "Deployment/web" })
    }

    @Test func demoAgainstItselfHasNoCompiledDifferences() {
        let demo = CompiledFixture.demo()
        #expect(demo.set.pods.isEmpty == false || !demo.set.manifests.isEmpty)
        let diff = CompiledDiffer.compare(
            old: demo.set, new: demo.set, cluster: demo.cluster, path: "manifests/cluster")
        #expect(!diff.hasDifferences, "\(diff.textLines(verbose: false))")
    }
}

/// Schedulability and Service address changes.
struct CompiledPlacementTests {
    @Test func requestsNoNodeFitsMakePlacedPodsUnschedulable() {
        let diff = CompiledFixture.diff(
            CompiledFixture.app, CompiledFixture.app(replacing: "cpu: 100m", with: "cpu: \"5\""))
        // A template change renames the pods: each is replaced by one that cannot be placed.
        #expect(diff.pods.map(\.change) == [.replaced, .replaced])
        #expect(diff.pods.allSatisfy { $0.newNode == nil && $0.oldNode != nil })
        #expect(diff.pods.allSatisfy { $0.message?.contains("Insufficient cpu") == true })
    }

    @Test func nodePortTypeAllocatesNodePortsForEveryPort() throws {
        let diff = CompiledFixture.diff(
            CompiledFixture.app,
            CompiledFixture.app(
                replacing: "  selector:\n    app: web\n", with: "  type: NodePort\n  selector:\n    app: web\n"))
        let service = try #require(diff.services.first)
        #expect(diff.services.count == 1)
        #expect(service.change == .modified)
        #expect(service.oldClusterIPs == service.newClusterIPs)
        #expect(service.nodePorts.map(\.port) == ["http", "metrics"])
        #expect(service.nodePorts.allSatisfy { $0.old == nil && (30000...32767).contains($0.new ?? 0) })
    }

    @Test func removedServiceIsListedWithItsAddress() throws {
        let app = CompiledFixture.app
        let start = try #require(app.range(of: "apiVersion: v1\nkind: Service\n"))
        let end = try #require(app.range(of: "---\napiVersion: networking.k8s.io/v1\nkind: IngressClass"))
        let withoutService = app.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: "")
        let diff = CompiledFixture.diff(app, withoutService)
        #expect(diff.services.map(\.change) == [.removed])
        #expect(diff.services.first?.oldClusterIPs.count == 1)
        #expect(diff.routes.map(\.change) == [.modified])
    }
}
