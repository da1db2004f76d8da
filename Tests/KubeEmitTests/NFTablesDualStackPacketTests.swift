import Foundation
import KubeEmit
import KubeModel
import KubePlan
import Testing

/// A dual-stack node: one `nftables.nft` holding `table ip kube-proxy` and `table ip6 kube-proxy`, loaded with one
/// `nft -f`, must carry a dual-stack Service over both families at once.
///
/// Topology (namespaces created and deleted by the test): client `PREFIX-c` (192.168.78.100, fd78::100) on a veth
/// to node `PREFIX-n1` (192.168.78.11, fd78::11); two pods behind the node, each with one address per family.
/// The client routes both Service CIDRs to the node.
@Suite(
    .serialized,
    .enabled(if: NFTablesHost.shouldRun && DataplaneHost.canRunPacketTest, "needs root with ip, nft, python3"))
struct NFTablesDualStackPacketTests {
    static var cluster: ClusterState {
        let web = [PodPort(name: "http", containerPort: 8080, proto: .tcp)]
        func pod(_ name: String, _ host: Int) -> PodState {
            var pod = PodState(
                namespace: "e2e", name: name, nodeName: "node-1", ip: addr("10.244.1.\(host)"),
                labels: ["app": "web"], ports: web)
            pod.ips = [addr("10.244.1.\(host)"), addr("fd00:244:1::\(host)")]
            return pod
        }
        let node = NodeState(
            name: "node-1", addresses: [addr("192.168.78.11"), addr("fd78::11")],
            podCIDRs: [cidr("10.244.1.0/24"), cidr("fd00:244:1::/64")])
        var service = ServiceState(
            namespace: "e2e", name: "web", type: .nodePort, clusterIPs: [addr("10.96.0.20"), addr("fd00:96::20")],
            ports: [ServicePortState(name: "http", proto: .tcp, port: 80, targetPort: .name("http"), nodePort: 30080)],
            selector: ["app": "web"])
        service.ipFamilies = [.v4, .v6]
        var state = ClusterState(nodes: [node], pods: [pod("web-a", 10), pod("web-b", 11)], services: [service])
        state.settings.clusterCIDRs = [cidr("10.244.0.0/16"), cidr("fd00:244::/48")]
        state.settings.serviceCIDRs = [cidr("10.96.0.0/16"), cidr("fd00:96::/112")]
        return EndpointResolver.resolve(state)
    }

    @Test func oneFileServesBothFamilies() throws {
        let state = Self.cluster
        let file = NFTablesEmitter().emit(state).files.first
        #expect(file?.path == "nodes/node-1/nftables.nft")
        let bed = IPTablesPacketTestbed(prefix: DataplaneHost.uniquePrefix(), state: state)
        let node = bed.nodeNamespace("node-1")
        let readyFolder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "kubec-nft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: readyFolder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: readyFolder) }

        DataplaneHost.withNamespaces([bed.client, node] + state.pods.map { bed.podNamespace($0) }) {
            if let failure = wire(bed, state) {
                Issue.record("wiring failed: \(failure)")
                return
            }
            let load = NFTablesHost.load(node, file?.contents ?? [])
            guard load.succeeded else {
                Issue.record("nft -f: \(load.error)")
                return
            }
            let servers = bed.startServers(readyFolder: readyFolder)
            defer {
                for server in servers { DataplaneHost.kill(server) }
                for server in servers { server.waitUntilExit() }
            }
            let deadline = Date().addingTimeInterval(30)
            func ready() -> Bool {
                state.pods.allSatisfy {
                    FileManager.default.fileExists(atPath: readyFolder.appendingPathComponent($0.name).path)
                }
            }
            while Date() < deadline, !ready() { usleep(50_000) }
            guard ready() else {
                Issue.record("pod servers not listening after 30 s")
                return
            }
            for (host, port) in [
                ("10.96.0.20", 80), ("fd00:96::20", 80), ("192.168.78.11", 30080), ("fd78::11", 30080),
            ] {
                let replies = bed.probe(host, port, count: 20)
                let pods = Set(replies.map { String($0.split(separator: ":").first ?? "") })
                #expect(pods == ["web-a", "web-b"], "\(host) port \(port): \(replies)")
            }
        }
    }

    /// Links, addresses of both families (no duplicate address detection) and routes; the first failure or nil.
    func wire(_ bed: IPTablesPacketTestbed, _ state: ClusterState) -> String? {
        var failure: String?
        func must(_ arguments: [String]) {
            guard failure == nil else { return }
            let result = DataplaneHost.run(arguments, timeout: 10)
            if !result.succeeded { failure = arguments.joined(separator: " ") + ": " + result.error }
        }
        let node = bed.nodeNamespace("node-1")
        for setting in ["net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1", "net.ipv4.conf.all.rp_filter=0"] {
            must(["ip", "netns", "exec", node, "sysctl", "-qw", setting])
        }
        must(["ip", "-n", node, "link", "add", "c0", "type", "veth", "peer", "name", "eth0", "netns", bed.client])
        for (namespace, device, v4, v6) in [
            (node, "c0", "192.168.78.11", "fd78::11"), (bed.client, "eth0", "192.168.78.100", "fd78::100"),
        ] {
            must(["ip", "-n", namespace, "addr", "add", v4 + "/24", "dev", device])
            must(["ip", "-n", namespace, "addr", "add", v6 + "/64", "dev", device, "nodad"])
            must(["ip", "-n", namespace, "link", "set", device, "up"])
        }
        must(["ip", "-n", bed.client, "route", "add", "10.96.0.0/16", "via", "192.168.78.11"])
        must(["ip", "-6", "-n", bed.client, "route", "add", "fd00:96::/112", "via", "fd78::11"])
        for (index, pod) in state.pods.enumerated() {
            let namespace = bed.podNamespace(pod)
            let host = "v\(index)"
            must(["ip", "-n", node, "link", "add", host, "type", "veth", "peer", "name", "eth0", "netns", namespace])
            must(["ip", "-n", node, "addr", "add", "10.244.1.1/32", "dev", host])
            must(["ip", "-n", node, "addr", "add", "fd00:244:1::1/128", "dev", host, "nodad"])
            must(["ip", "-n", node, "link", "set", host, "up"])
            for address in pod.ips {
                let (prefix, gateway, route) =
                    address.isV4 ? ("/32", "10.244.1.1", ["ip"]) : ("/128", "fd00:244:1::1", ["ip", "-6"])
                must(route + ["-n", node, "route", "add", "\(address)\(prefix)", "dev", host])
                must(["ip", "-n", namespace, "addr", "add", "\(address)\(prefix)", "dev", "eth0", "nodad"])
                must(["ip", "-n", namespace, "link", "set", "eth0", "up"])
                must(route + ["-n", namespace, "route", "add", gateway, "dev", "eth0"])
                must(route + ["-n", namespace, "route", "add", "default", "via", gateway, "dev", "eth0"])
            }
        }
        return failure
    }
}
