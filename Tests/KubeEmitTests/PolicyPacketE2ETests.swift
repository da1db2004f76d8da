import Foundation
import KubeEmit
import KubeModel
import KubePlan
import KubeTestSupport
import Testing

/// Real packets through the generated policy rules: every pod of `PolicyFixture` on one node namespace that
/// routes between pod namespaces (proxy ARP, /32 routes), each pod serving its ports, and every pod probing
/// every other pod's ports. What gets through must be exactly what `PolicyEvaluator` allows.
@Suite(.serialized, .enabled(if: RealTool.isCI || DataplaneHost.canRunPacketTest, "needs root with ip, iptables, ipset and python3"))
struct PolicyPacketE2ETests {
    static func singleNodeCluster() -> ClusterState {
        var state = PolicyFixture.cluster()
        state.nodes = [state.nodes[0]]
        for index in state.pods.indices { state.pods[index].nodeName = "node-1" }
        // A non-isolated destination in another namespace: the positive control.
        state.pods[3].ports = [PodPort(name: "metrics", containerPort: 9100, proto: .tcp)]
        return state
    }

    @Test func onlyTrafficThePoliciesAllowGetsThrough() throws {
        let state = Self.singleNodeCluster()
        let files = PolicyEmitter().emit(state)
        let prefix = DataplaneHost.uniquePrefix()
        let node = prefix + "-n"
        let podNamespaces = state.pods.map { prefix + "-" + $0.name }
        let ready = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-pol-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: ready, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: ready) }
        try DataplaneHost.withNamespaces([node] + podNamespaces) {
            try wire(state, node: node, pods: podNamespaces)
            let sets = DataplaneHost.exec(node, ["ipset", "-exist", "restore"],
                                          input: files.first { $0.path.hasSuffix("policy.ipset") }?.contents)
            try #require(sets.succeeded, "ipset restore: \(sets.error)")
            let rules = DataplaneHost.exec(node, ["iptables-restore", "--noflush"],
                                           input: files.first { $0.path.hasSuffix("policy.rules") }?.contents)
            try #require(rules.succeeded, "iptables-restore: \(rules.error)")
            defer { DataplaneHost.exec(node, ["ipset", "destroy"]) }
            let servers = startServers(state, namespaces: podNamespaces, ready: ready)
            defer { servers.forEach(DataplaneHost.kill) }
            try waitForServers(state, ready: ready)
            let evaluator = PolicyEvaluator(policies: state.networkPolicies, namespaceLabels: state.namespaceLabels, pods: state.pods)
            var checked = 0
            var allowedSeen = 0
            for (sourceIndex, source) in state.pods.enumerated() {
                for destination in state.pods where destination.name != source.name {
                    for port in destination.ports {
                        let expected = evaluator.decide(from: source, to: destination, port: port.containerPort, proto: .tcp).allowed
                        let reply = DataplaneHost.exec(
                            podNamespaces[sourceIndex],
                            ["python3", DataplaneHost.script("probe.py"), "\(destination.ip!)", "\(port.containerPort)", "1", "1.5"],
                            timeout: 10).output.trimmingCharacters(in: .whitespacesAndNewlines)
                        // A refusal must be the REJECT of a policy chain, not a packet lost on the way.
                        let want = expected ? "\(destination.name):\(port.containerPort)" : "ERR:ConnectionRefusedError"
                        let got = reply == "\(destination.name):\(port.containerPort)"
                        #expect(reply == want, "\(source.name) → \(destination.name):\(port.containerPort) got \(reply)")
                        if got != expected, ProcessInfo.processInfo.environment["KUBEC_DEBUG"] != nil {
                            print(DataplaneHost.exec(node, ["iptables-save", "-c"]).output)
                            print(DataplaneHost.exec(podNamespaces[sourceIndex], ["ip", "route"]).output)
                            print(DataplaneHost.exec(node, ["ip", "route"]).output)
                        }
                        checked += 1
                        allowedSeen += got ? 1 : 0
                    }
                }
            }
            #expect(checked >= 9)
            #expect(allowedSeen >= 3, "too few allowed paths to prove the rules let traffic through")
        }
    }

    /// Node namespace routes every pod's /32 over its veth and answers ARP for the gateway address.
    private func wire(_ state: ClusterState, node: String, pods: [String]) throws {
        func must(_ arguments: [String]) throws {
            let result = DataplaneHost.run(arguments, timeout: 10)
            try #require(result.succeeded, "\(arguments.joined(separator: " ")): \(result.error)")
        }
        try must(["ip", "netns", "exec", node, "sysctl", "-qw", "net.ipv4.ip_forward=1"])
        for (index, pod) in state.pods.enumerated() {
            let hostSide = "kp\(index)"
            let ip = "\(pod.ip!)"
            try must(["ip", "-n", node, "link", "add", hostSide, "type", "veth", "peer", "name", "eth0", "netns", pods[index]])
            try must(["ip", "-n", node, "link", "set", hostSide, "up"])
            // The pods' gateway 169.254.1.1 lives on every host-side veth, so each pod resolves it locally.
            try must(["ip", "-n", node, "addr", "add", "169.254.1.1/32", "dev", hostSide])
            try must(["ip", "-n", node, "route", "add", ip + "/32", "dev", hostSide])
            try must(["ip", "-n", pods[index], "link", "set", "eth0", "up"])
            try must(["ip", "-n", pods[index], "addr", "add", ip + "/32", "dev", "eth0"])
            try must(["ip", "-n", pods[index], "route", "add", "169.254.1.1", "dev", "eth0"])
            try must(["ip", "-n", pods[index], "route", "add", "default", "via", "169.254.1.1", "dev", "eth0"])
        }
    }

    private func startServers(_ state: ClusterState, namespaces: [String], ready: URL) -> [Process] {
        state.pods.enumerated().compactMap { index, pod in
            guard !pod.ports.isEmpty else { return nil }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: DataplaneHost.executable("ip") ?? "/usr/sbin/ip")
            process.arguments = ["netns", "exec", namespaces[index], DataplaneHost.executable("python3") ?? "python3",
                                 DataplaneHost.script("pod-server.py"), pod.name, ready.appendingPathComponent(pod.name).path]
                + pod.ports.map { String($0.containerPort) }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return (try? process.run()) != nil ? process : nil
        }
    }

    private func waitForServers(_ state: ClusterState, ready: URL) throws {
        let deadline = Date().addingTimeInterval(15)
        let expected = state.pods.filter { !$0.ports.isEmpty }.map(\.name)
        while Date() < deadline {
            if expected.allSatisfy({ FileManager.default.fileExists(atPath: ready.appendingPathComponent($0).path) }) { return }
            usleep(50_000)
        }
        Issue.record("pod servers did not start within 15 s")
    }
}
