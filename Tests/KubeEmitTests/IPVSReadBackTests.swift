import KubeEmit
import KubeModel
import KubePlan
import Testing

/// IPVS cannot be loaded here (no kernel module), so `ipvs.rules` is read back: parsed as `ipvsadm -R` input
/// and checked against what the cluster says each node must program.
@Suite struct IPVSReadBackTests {
    /// Virtual server `proto address:port` → (scheduler flags, real servers).
    static func parse(_ text: String) -> [String: (options: [String], reals: Set<String>)] {
        var result: [String: (options: [String], reals: Set<String>)] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            guard words.count >= 3 else { continue }
            let key = words[1] + " " + words[2]
            if words[0] == "-A" {
                result[key] = (Array(words.dropFirst(3)), [])
            } else if words[0] == "-a", let index = words.firstIndex(of: "-r"), index + 1 < words.count {
                result[key]?.reals.insert(words[index + 1] + " " + words[(index + 2)...].joined(separator: " "))
            }
        }
        return result
    }

    static func file(_ files: [OutputFile], _ path: String) -> String { files.first { $0.path == path }?.text ?? "" }

    @Test func everyVirtualServerOfTheDemoIsProgrammedWithItsReadyEndpoints() {
        let files = IPVSEmitter().emit(DataplaneFixtures.demo)
        let servers = Self.parse(Self.file(files, "nodes/node-1/ipvs.rules"))
        #expect(servers["-u 10.96.0.10:53"]?.reals == ["10.244.1.2:53 -m -w 1", "10.244.2.2:53 -m -w 1"])
        #expect(servers["-t 10.96.20.2:2181"]?.options == ["-s", "rr", "-p", "10800"])
        // web-3 is not ready: never a real server; the NodePort has one virtual server per node IP.
        #expect(servers["-t 192.168.10.11:30080"]?.reals == ["10.244.1.3:8080 -m -w 1", "10.244.2.3:8080 -m -w 1"])
        #expect(servers.keys.contains { $0.contains("10.244.2.4") } == false)
        // Headless and ExternalName Services have no virtual server.
        #expect(servers.keys.contains("-t 10.96.20.1:2181") == false)
    }

    @Test func externalTrafficPolicyLocalUsesLocalEndpointsWhenThereAreAny() {
        let files = IPVSEmitter().emit(DataplaneFixtures.externalLocal)
        let node1 = Self.parse(Self.file(files, "nodes/node-1/ipvs.rules"))
        let node2 = Self.parse(Self.file(files, "nodes/node-2/ipvs.rules"))
        #expect(node1["-t 203.0.113.11:80"]?.reals == ["10.244.1.10:8080 -m -w 1"])
        #expect(node2["-t 192.168.10.12:30082"]?.reals == ["10.244.2.10:8080 -m -w 1", "10.244.2.11:8080 -m -w 1"])
        #expect(node1["-t 10.96.0.25:80"]?.reals.count == 3)
    }

    @Test func schedulerComesFromClusterSettings() {
        var state = DataplaneFixtures.clusterIP
        state.settings.ipvsScheduler = "lc"
        let servers = Self.parse(Self.file(IPVSEmitter().emit(state), "nodes/node-1/ipvs.rules"))
        #expect(servers["-t 10.96.0.20:80"]?.options == ["-s", "lc"])
    }

    @Test func setupScriptBindsServiceAddressesButNotNodeAddresses() {
        var state = DataplaneFixtures.externalIPs
        state.services[0].externalIPs.append(addr("192.168.10.11"))
        let script = Self.file(IPVSEmitter().emit(state), "nodes/node-1/ipvs-setup.sh")
        #expect(script.contains("ip addr replace 10.96.0.23/32 dev kube-ipvs0\n"))
        #expect(script.contains("ip addr replace 198.51.100.7/32 dev kube-ipvs0\n"))
        #expect(!script.contains("192.168.10.11/32"))
    }

    @Test func ipsetMembersUseKubeProxyEntrySyntax() {
        let sets = Self.file(IPVSEmitter().emit(DataplaneFixtures.loadBalancer), "nodes/node-1/ipset.rules")
        #expect(sets.contains("add KUBE-LOAD-BALANCER-SOURCE-CIDR 203.0.113.10,tcp:80,198.51.100.0/24 -exist\n"))
        #expect(sets.contains("add KUBE-LOAD-BALANCER-SOURCE-IP 203.0.113.10,tcp:80,203.0.113.10 -exist\n"))
        #expect(sets.contains("add KUBE-NODE-PORT-TCP 30081 -exist\n"))
        #expect(sets.contains("add KUBE-LOOP-BACK 10.244.1.10,tcp:8080,10.244.1.10 -exist\n"))
    }
}
