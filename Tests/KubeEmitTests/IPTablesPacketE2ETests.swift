import Foundation
import KubeEmit
import KubeModel
import KubePlan
import KubeTestSupport
import Testing

/// Real packets through the generated iptables rules: a two-node cluster of network namespaces (see
/// `IPTablesPacketTestbed`), each node loading its own `iptables.rules`, a TCP server per pod answering
/// `POD:PORT`, and a client namespace probing Service addresses. Everything is torn down even on failure and
/// every wait is bounded.
@Suite(.serialized, .enabled(if: RealTool.isCI || DataplaneHost.canRunPacketTest, "needs root with ip, iptables, ipset and python3"))
struct IPTablesPacketE2ETests {
    @Test func servicesRouteRealPackets() throws {
        try run(.v4)
    }

    /// The same cluster with IPv6 addresses through the IPv6 proxier's `ip6tables.rules`.
    @Test func ipv6ServicesRouteRealPackets() throws {
        try run(.v6)
    }

    func run(_ family: IPFamily) throws {
        let state = IPTablesPacketTestbed.cluster(family)
        let bed = IPTablesPacketTestbed(prefix: DataplaneHost.uniquePrefix(), state: state, family: family)
        var options = IPTablesOptions()
        options.family = family
        let files = IPTablesEmitter(options: options).emit(state)
        let readyFolder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kubec-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: readyFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: readyFolder) }

        DataplaneHost.withNamespaces(bed.namespaces) {
            if let failure = bed.wire() {
                Issue.record("wiring failed: \(failure)")
                return
            }
            if let failure = bed.loadRules(files) {
                Issue.record("loading rules failed: \(failure)")
                return
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
        // ClusterIP: only web pods answer, and over many connections all three do.
        let web = bed.probe(bed.serviceIP(20), 80, count: 40)
        let webPods = Set(web.map { String($0.split(separator: ":").first ?? "") })
        #expect(webPods == ["web-a", "web-b", "web-c"], "ClusterIP replies: \(Set(web))")
        #expect(web.allSatisfy { $0.hasSuffix(":8080") })

        // ClientIP affinity: one client, one pod.
        let sticky = bed.probe(bed.serviceIP(21), 80, count: 12)
        #expect(
            sticky.count == 12 && Set(sticky).count == 1 && !(sticky.first ?? "ERR").hasPrefix("ERR"),
            "sticky replies: \(sticky)")

        // NodePort answers on every node IP, from the Service's pods.
        for (node, address) in bed.nodeAddresses.sorted(by: { $0.key < $1.key }) {
            let replies = bed.probe(address, 30080, count: 6)
            #expect(
                replies.count == 6 && replies.allSatisfy { $0.hasPrefix("web-") }, "NodePort on \(node): \(replies)")
        }

        // Named targetPort: api-1 serves http on 9090, api-2 on 9091; never the admin port 8080.
        let api = Set(bed.probe(bed.serviceIP(23), 80, count: 20))
        #expect(api == ["api-1:9090", "api-2:9091"], "api replies: \(api)")

        // No endpoints: REJECT, so the connection is refused at once.
        let empty = bed.probe(bed.serviceIP(24), 80, count: 2)
        let tool = bed.family == .v4 ? "iptables" : "ip6tables"
        let counters = DataplaneHost.exec(bed.nodeNamespace("node-1"), [tool, "-L", "-v", "-n"]).output
        #expect(
            empty == ["ERR:ConnectionRefusedError", "ERR:ConnectionRefusedError"],
            "empty Service: \(empty)\n\(counters)")
    }
}
