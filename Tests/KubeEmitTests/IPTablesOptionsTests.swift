import KubeEmit
import KubePlan
import Testing

/// kube-proxy flags that change individual rules.
@Suite struct IPTablesOptionsTests {
    static func text(_ state: ClusterState = DataplaneFixtures.nodePort, _ configure: (inout IPTablesOptions) -> Void)
        -> String
    {
        var options = IPTablesOptions()
        configure(&options)
        return IPTablesEmitter(options: options).emit(state).first?.text ?? ""
    }

    @Test func masqueradeAllMasqueradesEveryClusterIPConnection() {
        var state = DataplaneFixtures.clusterIP
        state.settings.masqueradeAll = true
        let text = Self.text(state) { _ in }
        #expect(text.contains("--dport 80 -j KUBE-MARK-MASQ\n") && !text.contains("! -s 10.244.0.0/16"))
    }

    @Test func withoutLocalDetectorTheClusterIPMasqueradeRuleIsOmitted() {
        let text = Self.text { $0.localDetector = .disabled }
        #expect(!text.contains("cluster IP\" -m tcp -p tcp -d 10.96.0.21 --dport 80 ! -s"))
        // Left: the three SEP hairpin rules and the EXT chain's external masquerade.
        #expect(text.components(separatedBy: "-j KUBE-MARK-MASQ").count - 1 == 4)
    }

    @Test func nodePortAddressesGiveOneJumpPerMatchingNodeIP() {
        let text = Self.text { $0.nodePortAddresses = .cidrs([cidr("192.168.10.0/24")]) }
        #expect(text.contains("NOTE: this must be the last rule in this chain\" -d 192.168.10.11 -j KUBE-NODEPORTS\n"))
        #expect(!text.contains("--dst-type LOCAL -j KUBE-NODEPORTS"))
    }

    @Test func nodePortAddressesWithoutLoopbackTurnLocalhostNodePortsOff() {
        let text = Self.text { $0.nodePortAddresses = .cidrs([cidr("192.168.10.0/24")]) }
        #expect(!text.contains("KUBE-FIREWALL"))
        let withLoopback = Self.text { $0.nodePortAddresses = .cidrs([cidr("127.0.0.0/8"), cidr("192.168.10.0/24")]) }
        #expect(withLoopback.contains(":KUBE-FIREWALL - [0:0]\n"))
        #expect(withLoopback.contains("this chain\" -d 127.0.0.1 -j KUBE-NODEPORTS\n"))
    }

    @Test func disablingLocalhostNodePortsExcludesLoopbackAndDropsTheMartianRule() {
        let text = Self.text { $0.localhostNodePorts = false }
        #expect(text.contains("-m addrtype --dst-type LOCAL ! -d 127.0.0.0/8 -j KUBE-NODEPORTS\n"))
        #expect(!text.contains("KUBE-FIREWALL"))
    }

    @Test func liberalConntrackOmitsTheInvalidDrop() {
        #expect(!Self.text { $0.conntrackTCPLiberal = true }.contains("--ctstate INVALID"))
        #expect(Self.text { _ in }.contains("-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP\n"))
    }

    @Test func nfacctCountersAddTheLocalhostNodePortRule() {
        let text = Self.text { $0.nfacctCounters = true }
        #expect(
            text.contains(
                "-d 127.0.0.0/8 --dport 30080 -m nfacct --nfacct-name localhost_nps_accepted_pkts -j KUBE-EXT-"))
        #expect(text.contains("--ctstate INVALID -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP\n"))
    }

    @Test func terminatingServingEndpointsAreUsedWhenNoneIsReady() {
        var state = DataplaneFixtures.clusterIP
        for index in state.services[0].ports[0].endpoints.indices {
            state.services[0].ports[0].endpoints[index].ready = false
            state.services[0].ports[0].endpoints[index].terminating = index == 0
        }
        let text = Self.text(state) { _ in }
        #expect(text.contains("-j DNAT --to-destination 10.244.1.10:8080\n"))
        #expect(!text.contains("10.244.2.10:8080\n") && !text.contains("has no endpoints"))
    }

    @Test func notReadyEndpointsAloneMeanNoEndpoints() {
        var state = DataplaneFixtures.clusterIP
        for index in state.services[0].ports[0].endpoints.indices {
            state.services[0].ports[0].endpoints[index].ready = false
            state.services[0].ports[0].endpoints[index].serving = false
        }
        #expect(
            Self.text(state) { _ in }.contains(
                "\"shop/web:http has no endpoints\" -m tcp -p tcp -d 10.96.0.20 --dport 80 -j REJECT\n"))
    }
}
