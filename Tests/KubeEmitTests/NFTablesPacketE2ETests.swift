import Foundation
import KubeEmit
import KubeModel
import KubePlan
import Testing

/// Real packets through the generated `nftables.nft`.
///
/// Setup: the two-node namespace cluster of `IPTablesPacketTestbed`
/// (same wiring, same pod servers and probes), each node loading only its own `nftables.nft` with `nft -f`, and
/// Services for every path kube-proxy's nftables mode programs: ClusterIP, NodePort, ClientIP affinity, no
/// endpoints (reject), externalIPs, LoadBalancer IPs with an allowing and a denying source range, and
/// externalTrafficPolicy Local. Run for IPv4 and IPv6. Everything is torn down even on failure.
@Suite(
    .serialized,
    .enabled(if: NFTablesHost.shouldRun && DataplaneHost.canRunPacketTest, "needs root with ip, nft, python3"))
struct NFTablesPacketE2ETests {
    @Test func servicesRouteRealPackets() throws { try run(.v4) }

    @Test func ipv6ServicesRouteRealPackets() throws { try run(.v6) }

    /// externalIPs and load-balancer IPs live in 10.97.0.0/16 (fd00:97::/112), routed by the client to node-1.
    static func externalAddress(_ suffix: Int, _ family: IPFamily) -> String {
        family == .v4 ? "10.97.0.\(suffix)" : "fd00:97::\(suffix)"
    }

    /// The packet testbed's cluster plus the Services only this test needs.
    static func cluster(_ family: IPFamily, client: String) -> ClusterState {
        var state = IPTablesPacketTestbed.cluster(family)
        let clusterIP = { (suffix: Int) in family == .v4 ? "10.96.0.\(suffix)" : "fd00:96::\(suffix)" }
        func web(
            _ name: String, _ suffix: Int, type: ServiceState.ServiceType, nodePort: Int? = nil,
            configure: (inout ServiceState) -> Void
        ) -> ServiceState {
            var service = ServiceState(
                namespace: "e2e", name: name, type: type, clusterIPs: [addr(clusterIP(suffix))],
                ports: [
                    ServicePortState(name: "http", proto: .tcp, port: 80, targetPort: .name("http"), nodePort: nodePort)
                ],
                selector: ["app": "web"])
            configure(&service)
            return service
        }
        let hostPrefix = family == .v4 ? "/32" : "/128"
        state.services += [
            web("web-ext", 30, type: .clusterIP) { $0.externalIPs = [addr(externalAddress(30, family))] },
            web("web-lb", 31, type: .loadBalancer, nodePort: 30081) {
                $0.loadBalancerIPs = [addr(externalAddress(31, family))]
                $0.loadBalancerSourceRanges = [cidr(client + hostPrefix)]
            },
            web("web-lb-deny", 32, type: .loadBalancer, nodePort: 30082) {
                $0.loadBalancerIPs = [addr(externalAddress(32, family))]
                $0.loadBalancerSourceRanges = [cidr(family == .v4 ? "203.0.113.0/24" : "2001:db8:113::/48")]
            },
            web("web-local", 33, type: .nodePort, nodePort: 30083) { $0.externalTrafficPolicy = .local },
        ]
        return EndpointResolver.resolve(state)
    }

    func run(_ family: IPFamily) throws {
        let probeBed = IPTablesPacketTestbed(prefix: "", state: ClusterState(), family: family)
        let state = Self.cluster(family, client: probeBed.clientAddress)
        let bed = IPTablesPacketTestbed(prefix: DataplaneHost.uniquePrefix(), state: state, family: family)
        var options = NFTablesOptions()
        options.family = family
        let files = NFTablesEmitter(options: options).emit(state).files
        let readyFolder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kubec-nft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: readyFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: readyFolder) }

        DataplaneHost.withNamespaces(bed.namespaces) {
            if let failure = bed.wire() {
                Issue.record("wiring failed: \(failure)")
                return
            }
            let route = family == .v4 ? ["ip"] : ["ip", "-6"]
            let external = family == .v4 ? "10.97.0.0/16" : "fd00:97::/112"
            let toNode1 = DataplaneHost.run(
                route + ["-n", bed.client, "route", "add", external, "via", bed.nodeAddresses["node-1"] ?? ""])
            #expect(toNode1.succeeded, "client route: \(toNode1.error)")
            for node in state.nodes {
                let file = files.first { $0.path == "nodes/\(node.name)/nftables.nft" }
                let load = NFTablesHost.load(bed.nodeNamespace(node.name), file?.contents ?? [])
                guard load.succeeded else {
                    Issue.record("nft -f on \(node.name): \(load.error)")
                    return
                }
            }
            let servers = bed.startServers(readyFolder: readyFolder)
            defer {
                for server in servers { DataplaneHost.kill(server) }
                for server in servers { server.waitUntilExit() }
            }
            func notReady() -> [String] {
                state.pods.map(\.name).filter {
                    !FileManager.default.fileExists(atPath: readyFolder.appendingPathComponent($0).path)
                }
            }
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, !notReady().isEmpty { usleep(50_000) }
            guard servers.count == state.pods.count, notReady().isEmpty else {
                Issue.record("pod servers not listening after 30 s: \(notReady())")
                return
            }
            checkServices(bed)
        }
    }

    func checkServices(_ bed: IPTablesPacketTestbed) {
        let family = bed.family
        func pods(_ replies: [String]) -> Set<String> {
            Set(replies.map { String($0.split(separator: ":").first ?? "") })
        }
        let ruleset = { DataplaneHost.exec(bed.nodeNamespace("node-1"), ["nft", "list", "ruleset"]).output }

        // ClusterIP: numgen spreads 40 connections over all three web pods.
        let web = bed.probe(bed.serviceIP(20), 80, count: 40)
        #expect(pods(web) == ["web-a", "web-b", "web-c"], "ClusterIP replies: \(web)")

        // ClientIP affinity: the affinity sets pin one client to one pod.
        let sticky = bed.probe(bed.serviceIP(21), 80, count: 12)
        #expect(sticky.count == 12 && Set(sticky).count == 1 && !(sticky.first ?? "ERR").hasPrefix("ERR"), "\(sticky)")

        // NodePort on each node's own address (nodeport-ips).
        for (node, address) in bed.nodeAddresses.sorted(by: { $0.key < $1.key }) {
            let replies = bed.probe(address, 30080, count: 6)
            #expect(
                replies.count == 6 && replies.allSatisfy { $0.hasPrefix("web-") }, "NodePort on \(node): \(replies)")
        }

        // No endpoints: the no-endpoint-services vmap sends the SYN to reject-chain.
        let empty = bed.probe(bed.serviceIP(24), 80, count: 2)
        #expect(empty == ["ERR:ConnectionRefusedError", "ERR:ConnectionRefusedError"], "empty: \(empty)\n\(ruleset())")

        // externalIPs go through the external chain to every web pod.
        let external = bed.probe(Self.externalAddress(30, family), 80, count: 30)
        #expect(pods(external) == ["web-a", "web-b", "web-c"], "externalIP replies: \(external)")

        // Load-balancer IP whose source ranges hold the client: served.
        let allowed = bed.probe(Self.externalAddress(31, family), 80, count: 6)
        #expect(allowed.count == 6 && allowed.allSatisfy { $0.hasPrefix("web-") }, "allowed LB: \(allowed)")

        // Load-balancer IP whose source ranges leave the client out: firewall-check drops the SYN (a timeout).
        let denied = bed.probe(Self.externalAddress(32, family), 80, count: 1, timeout: 1.5)
        #expect(denied == ["ERR:TimeoutError"] || denied == ["ERR:timeout"], "denied LB: \(denied)")
        // …while its NodePort stays open (kube-proxy applies source ranges to load-balancer IPs only).
        let deniedNodePort = bed.probe(bed.nodeAddresses["node-1"] ?? "", 30082, count: 3)
        #expect(deniedNodePort.allSatisfy { $0.hasPrefix("web-") }, "LB NodePort: \(deniedNodePort)")

        // externalTrafficPolicy Local: each node's NodePort answers from its own pods only.
        let local1 = bed.probe(bed.nodeAddresses["node-1"] ?? "", 30083, count: 10)
        #expect(pods(local1) == ["web-a"], "eTP=Local on node-1: \(local1)")
        let local2 = bed.probe(bed.nodeAddresses["node-2"] ?? "", 30083, count: 20)
        #expect(pods(local2) == ["web-b", "web-c"], "eTP=Local on node-2: \(local2)")
    }
}
