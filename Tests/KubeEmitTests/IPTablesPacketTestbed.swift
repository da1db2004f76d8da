import Foundation
import KubeEmit
import KubeModel
import KubePlan

/// A two-node cluster made of network namespaces for real packets through the generated iptables rules.
///
/// Topology (all addresses exist only inside the namespaces this testbed creates):
/// `PREFIX-lan` holds a bridge joining `PREFIX-n1` (192.168.77.11), `PREFIX-n2` (192.168.77.12) and the client
/// `PREFIX-c` (192.168.77.100). Each pod namespace hangs off its node with a veth pair: pod side `/32` with a
/// default route to the node's gateway address (10.244.N.1 on every host-side veth), node side a host route.
/// Nodes route each other's pod CIDR over the LAN; the client routes 10.96.0.0/12 to node-1.
///
/// With `family: .v6` the same cluster is built with IPv6 addresses (LAN fd77::/64, pods fd00:244:N::/64,
/// Services fd00:96::/112), every address added without duplicate detection, and each node loads its
/// `ip6tables.rules`.
struct IPTablesPacketTestbed {
    let prefix: String
    let state: ClusterState
    var family: IPFamily = .v4

    static func nodeAddresses(_ family: IPFamily) -> [String: String] {
        family == .v4 ? ["node-1": "192.168.77.11", "node-2": "192.168.77.12"] : ["node-1": "fd77::11", "node-2": "fd77::12"]
    }
    static let nodeAddresses = nodeAddresses(.v4)
    var nodeAddresses: [String: String] { Self.nodeAddresses(family) }
    var clientAddress: String { family == .v4 ? "192.168.77.100" : "fd77::100" }
    var lanGateway: String { family == .v4 ? "192.168.77.1" : "fd77::1" }
    var lanPrefix: Int { family == .v4 ? 24 : 64 }
    var hostPrefix: Int { family == .v4 ? 32 : 128 }
    var serviceCIDR: String { family == .v4 ? "10.96.0.0/12" : "fd00:96::/112" }

    /// A Service's cluster IP in this family (`suffix` is its last number: 20 for web, 24 for empty).
    func serviceIP(_ suffix: Int) -> String { family == .v4 ? "10.96.0.\(suffix)" : "fd00:96::\(suffix)" }

    var lan: String { prefix + "-lan" }
    var client: String { prefix + "-c" }
    func nodeNamespace(_ node: String) -> String { prefix + "-" + (node == "node-1" ? "n1" : "n2") }
    func podNamespace(_ pod: PodState) -> String { prefix + "-p-" + pod.name }

    var namespaces: [String] {
        [lan, client] + state.nodes.map { nodeNamespace($0.name) } + state.pods.map { podNamespace($0) }
    }

    /// The cluster of the packet test: web (3 pods), a sticky and a NodePort Service over the same pods, api
    /// with a named targetPort that differs per pod, a bystander pod, and a Service without endpoints.
    static func cluster(_ family: IPFamily = .v4) -> ClusterState {
        // The IPv4 layout's addresses, rewritten for IPv6: 10.244.N.H → fd00:244:N::H, 10.96.0.S → fd00:96::S.
        func address(_ v4: String) -> String {
            guard family == .v6 else { return v4 }
            let parts = v4.split(separator: ".")
            return parts[1] == "96" ? "fd00:96::\(parts[3])" : "fd00:244:\(parts[2])::\(parts[3])"
        }
        let web = [PodPort(name: "http", containerPort: 8080, proto: .tcp)]
        func pod(_ name: String, _ node: String, _ ip: String, _ labels: [String: String], _ ports: [PodPort])
            -> PodState
        {
            PodState(namespace: "e2e", name: name, nodeName: node, ip: addr(address(ip)), labels: labels, ports: ports)
        }
        let pods = [
            pod("web-a", "node-1", "10.244.1.10", ["app": "web"], web),
            pod("web-b", "node-2", "10.244.2.10", ["app": "web"], web),
            pod("web-c", "node-2", "10.244.2.11", ["app": "web"], web),
            pod(
                "api-1", "node-1", "10.244.1.20", ["app": "api"],
                [
                    PodPort(name: "admin", containerPort: 8080, proto: .tcp),
                    PodPort(name: "http", containerPort: 9090, proto: .tcp),
                ]),
            pod(
                "api-2", "node-2", "10.244.2.20", ["app": "api"],
                [
                    PodPort(name: "admin", containerPort: 8080, proto: .tcp),
                    PodPort(name: "http", containerPort: 9091, proto: .tcp),
                ]),
            pod("other", "node-1", "10.244.1.30", ["app": "other"], web),
        ]
        func service(
            _ name: String, _ ip: String, _ selector: [String: String], type: ServiceState.ServiceType = .clusterIP,
            nodePort: Int? = nil, affinity: Int? = nil
        ) -> ServiceState {
            ServiceState(
                namespace: "e2e", name: name, type: type, clusterIPs: [addr(address(ip))],
                ports: [
                    ServicePortState(name: "http", proto: .tcp, port: 80, targetPort: .name("http"), nodePort: nodePort)
                ],
                selector: selector, sessionAffinityTimeout: affinity)
        }
        let services = [
            service("web", "10.96.0.20", ["app": "web"]),
            service("web-sticky", "10.96.0.21", ["app": "web"], affinity: 10800),
            service("web-np", "10.96.0.22", ["app": "web"], type: .nodePort, nodePort: 30080),
            service("api", "10.96.0.23", ["app": "api"]),
            service("empty", "10.96.0.24", ["app": "nothing"]),
        ]
        let addresses = nodeAddresses(family)
        let podCIDR = { (n: Int) in family == .v4 ? "10.244.\(n).0/24" : "fd00:244:\(n)::/64" }
        let nodes = [
            NodeState(name: "node-1", addresses: [addr(addresses["node-1"] ?? "")], podCIDRs: [cidr(podCIDR(1))]),
            NodeState(name: "node-2", addresses: [addr(addresses["node-2"] ?? "")], podCIDRs: [cidr(podCIDR(2))]),
        ]
        var state = ClusterState(nodes: nodes, pods: pods, services: services)
        // The cluster CIDR decides what is masqueraded (traffic from outside it): without it, replies of pods
        // on the other node would go straight to the client and miss the DNAT's conntrack entry.
        state.settings.clusterCIDRs = [cidr(family == .v4 ? "10.244.0.0/16" : "fd00:244::/48")]
        return EndpointResolver.resolve(state)
    }

    /// Builds links, addresses and routes; returns the first failing command's description, or nil.
    func wire() -> String? {
        typealias H = DataplaneHost
        var failure: String?
        func must(_ arguments: [String]) {
            guard failure == nil else { return }
            let result = H.run(arguments, timeout: 10)
            if !result.succeeded { failure = arguments.joined(separator: " ") + ": " + result.error }
        }
        func sysctl(_ namespace: String, _ setting: String) {
            must(["ip", "netns", "exec", namespace, "sysctl", "-qw", setting])
        }
        must(["ip", "-n", lan, "link", "add", "br0", "type", "bridge"])
        must(["ip", "-n", lan, "link", "set", "br0", "up"])
        // IPv6 addresses skip duplicate address detection, which would keep them tentative for seconds.
        let nodad = family == .v6 ? ["nodad"] : []
        let route = family == .v6 ? ["ip", "-6"] : ["ip"]
        var members = [(client, clientAddress, "c")]
        for node in state.nodes {
            members.append((nodeNamespace(node.name), nodeAddresses[node.name] ?? "", node.name))
        }
        for (namespace, address, tag) in members {
            if family == .v6 { sysctl(namespace, "net.ipv6.icmp.ratelimit=0") }
            sysctl(namespace, "net.ipv4.conf.all.rp_filter=0")
            sysctl(namespace, "net.ipv4.conf.default.rp_filter=0")
            // No ICMP redirects (a node forwarding back onto the LAN would send one) and no ICMP rate limit, so
            // the REJECT's port-unreachable reaches the client at once.
            sysctl(namespace, "net.ipv4.conf.all.send_redirects=0")
            sysctl(namespace, "net.ipv4.conf.default.send_redirects=0")
            sysctl(namespace, "net.ipv4.icmp_ratelimit=0")
            must([
                "ip", "-n", lan, "link", "add", "l-\(tag)", "type", "veth", "peer", "name", "eth0", "netns", namespace,
            ])
            must(["ip", "-n", lan, "link", "set", "l-\(tag)", "master", "br0", "up"])
            must(["ip", "-n", namespace, "addr", "add", "\(address)/\(lanPrefix)", "dev", "eth0"] + nodad)
            must(["ip", "-n", namespace, "link", "set", "eth0", "up"])
        }
        for node in state.nodes {
            sysctl(nodeNamespace(node.name), "net.ipv4.ip_forward=1")
            sysctl(nodeNamespace(node.name), "net.ipv4.conf.all.route_localnet=1")
            if family == .v6 { sysctl(nodeNamespace(node.name), "net.ipv6.conf.all.forwarding=1") }
        }
        for (index, pod) in state.pods.enumerated() {
            guard let nodeName = pod.nodeName, let ip = pod.ip,
                let node = state.nodes.first(where: { $0.name == nodeName }),
                let gateway = node.podCIDRs.first?.address(at: 1)
            else { continue }
            let nodeNS = nodeNamespace(nodeName)
            let hostSide = "v\(index)"
            must([
                "ip", "-n", nodeNS, "link", "add", hostSide, "type", "veth", "peer", "name", "eth0", "netns",
                podNamespace(pod),
            ])
            must(["ip", "-n", nodeNS, "addr", "add", "\(gateway)/\(hostPrefix)", "dev", hostSide] + nodad)
            must(["ip", "-n", nodeNS, "link", "set", hostSide, "up"])
            must(route + ["-n", nodeNS, "route", "add", "\(ip)/\(hostPrefix)", "dev", hostSide])
            must(["ip", "-n", podNamespace(pod), "addr", "add", "\(ip)/\(hostPrefix)", "dev", "eth0"] + nodad)
            must(["ip", "-n", podNamespace(pod), "link", "set", "eth0", "up"])
            must(route + ["-n", podNamespace(pod), "route", "add", "\(gateway)", "dev", "eth0"])
            must(route + ["-n", podNamespace(pod), "route", "add", "default", "via", "\(gateway)", "dev", "eth0"])
        }
        for node in state.nodes {
            for other in state.nodes where other.name != node.name {
                guard let podCIDR = other.podCIDRs.first, let via = nodeAddresses[other.name] else { continue }
                must(route + ["-n", nodeNamespace(node.name), "route", "add", "\(podCIDR)", "via", via])
            }
            // Like a real node, a default route: without one, traffic to a Service IP with no nat rule fails
            // routing before the filter chains (where kube-proxy's REJECT lives) ever see it.
            must(route + ["-n", nodeNamespace(node.name), "route", "add", "default", "via", lanGateway])
        }
        must(route + ["-n", client, "route", "add", serviceCIDR, "via", nodeAddresses["node-1"] ?? ""])
        return failure
    }

    /// Loads each node's `iptables.rules` (`ip6tables.rules`) and the built-in jumps its header lists.
    func loadRules(_ files: [OutputFile]) -> String? {
        let tool = family == .v4 ? "iptables" : "ip6tables"
        for node in state.nodes {
            guard let file = files.first(where: { $0.path == "nodes/\(node.name)/\(tool).rules" }) else {
                return "no file for \(node.name)"
            }
            let namespace = nodeNamespace(node.name)
            let restore = DataplaneHost.exec(namespace, ["\(tool)-restore", "--noflush"], input: file.contents)
            if !restore.succeeded { return "\(tool)-restore on \(node.name): \(restore.error)" }
            for line in file.text.split(separator: "\n") where line.hasPrefix("# jump: ") {
                let arguments = line.dropFirst("# jump: ".count)
                let jump = DataplaneHost.exec(namespace, ["sh", "-c", "\(tool) -w \(arguments)"])
                if !jump.succeeded { return "jump on \(node.name) (\(arguments)): \(jump.error)" }
            }
        }
        return nil
    }

    /// Starts one server per pod listening on every container port; returns the processes (to terminate).
    func startServers(readyFolder: URL) -> [Process] {
        var processes: [Process] = []
        for pod in state.pods {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: DataplaneHost.executable("ip") ?? "/usr/sbin/ip")
            let ready = readyFolder.appendingPathComponent(pod.name).path
            process.arguments =
                [
                    "netns", "exec", podNamespace(pod), DataplaneHost.executable("python3") ?? "python3",
                    DataplaneHost.script("pod-server.py"), pod.name, ready,
                ] + pod.ports.map { String($0.containerPort) }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            if (try? process.run()) != nil { processes.append(process) }
        }
        return processes
    }

    /// Connects `count` times from the client namespace; one reply (or `ERR:…`) per attempt.
    func probe(_ host: String, _ port: Int, count: Int, timeout: Double = 3) -> [String] {
        let result = DataplaneHost.exec(
            client, ["python3", DataplaneHost.script("probe.py"), host, String(port), String(count), String(timeout)],
            timeout: Double(count) * (timeout + 1) + 5)
        return result.output.split(separator: "\n").map(String.init)
    }
}
