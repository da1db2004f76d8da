import KubeModel

/// The iptables rules kube-proxy keeps in IPVS mode, in the order `writeIptablesRules` writes them
/// (pkg/proxy/ipvs/proxier.go): nat table first, then filter.
struct IPVSIPTablesWriter {
    let model: IPVSNodeModel
    let mark: String
    let localCIDR: String?
    let masqueradeAll: Bool
    let randomFully: Bool
    /// The proxier's family: set names (`KUBE-6-…`), the loopback range and the file are the IPv6 proxier's.
    var family: IPFamily = .v4

    /// kube-proxy's `iptablesJumpChain` (IPVS mode), ensured with `-I` like in iptables mode.
    static let builtinJumps = [
        "-t nat -I OUTPUT -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES",
        "-t nat -I PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES",
        "-t nat -I POSTROUTING -m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING",
        "-t filter -I FORWARD -m comment --comment \"kubernetes forwarding rules\" -j KUBE-FORWARD",
        "-t filter -I INPUT -m comment --comment \"kubernetes health check rules\" -j KUBE-NODE-PORT",
        "-t filter -I INPUT -m comment --comment \"kube-proxy firewall rules\" -j KUBE-PROXY-FIREWALL",
        "-t filter -I FORWARD -m comment --comment \"kube-proxy firewall rules\" -j KUBE-PROXY-FIREWALL",
        "-t filter -I INPUT -m comment --comment \"kubernetes ipvs access filter\" -j KUBE-IPVS-FILTER",
        "-t filter -I OUTPUT -m comment --comment \"kubernetes ipvs access filter\" -j KUBE-IPVS-OUT-FILTER",
    ]

    /// The static table of set-driven jumps (`ipsetWithIptablesChain`): set, table is nat, from, to, match, -p.
    private static let setJumps: [(IPSetName, Bool, String, String, String, String?)] = [
        (.loopBack, true, "KUBE-POSTROUTING", "MASQUERADE", "dst,dst,src", nil),
        (.loadBalancer, true, "KUBE-SERVICES", "KUBE-LOAD-BALANCER", "dst,dst", nil),
        (.loadBalancerLocal, true, "KUBE-LOAD-BALANCER", "RETURN", "dst,dst", nil),
        (.nodePortLocalTCP, true, "KUBE-NODE-PORT", "RETURN", "dst", "tcp"),
        (.nodePortTCP, true, "KUBE-NODE-PORT", "KUBE-MARK-MASQ", "dst", "tcp"),
        (.nodePortLocalUDP, true, "KUBE-NODE-PORT", "RETURN", "dst", "udp"),
        (.nodePortUDP, true, "KUBE-NODE-PORT", "KUBE-MARK-MASQ", "dst", "udp"),
        (.nodePortLocalSCTP, true, "KUBE-NODE-PORT", "RETURN", "dst,dst", "sctp"),
        (.nodePortSCTP, true, "KUBE-NODE-PORT", "KUBE-MARK-MASQ", "dst,dst", "sctp"),
        (.loadBalancerFW, false, "KUBE-PROXY-FIREWALL", "KUBE-SOURCE-RANGES-FIREWALL", "dst,dst", nil),
        (.loadBalancerSourceCIDR, false, "KUBE-SOURCE-RANGES-FIREWALL", "RETURN", "dst,dst,src", nil),
        (.loadBalancerSourceIP, false, "KUBE-SOURCE-RANGES-FIREWALL", "RETURN", "dst,dst,src", nil),
    ]

    /// `ipvs-iptables.rules`, or `ipvs-ip6tables.rules` for the IPv6 proxier.
    static func fileName(_ family: IPFamily) -> String { family == .v4 ? "ipvs-iptables.rules" : "ipvs-ip6tables.rules" }

    func render(header node: String?) -> String {
        var nat: [String] = []
        var filter: [String] = []
        func comment(_ set: IPSetName) -> String { "-m comment --comment \"\(set.comment)\"" }

        nat.append("-A KUBE-SERVICES -s \(family.loopback) -j RETURN")
        for (set, isNAT, from, to, match, proto) in Self.setJumps where !model.sets.isEmpty(set) {
            let rule =
                "-A \(from)" + (proto.map { " -p \($0)" } ?? "")
                + " \(comment(set)) -m set --match-set \(set.name(family)) \(match) -j \(to)"
            if isNAT { nat.append(rule) } else { filter.append(rule) }
        }
        if !model.sets.isEmpty(.clusterIP) {
            let head = "-A KUBE-SERVICES \(comment(.clusterIP)) -m set --match-set \(IPSetName.clusterIP.name(family))"
            if masqueradeAll {
                nat.append(head + " dst,dst -j KUBE-MARK-MASQ")
            } else if let cidr = localCIDR {
                nat.append(head + " dst,dst ! -s \(cidr) -j KUBE-MARK-MASQ")
            } else {
                nat.append(head + " src,dst -j KUBE-MARK-MASQ")
            }
        }
        func externalIPRules(_ head: String) {
            nat.append(head + " -m physdev ! --physdev-is-in -m addrtype ! --src-type LOCAL -j ACCEPT")
            nat.append(head + " -m addrtype --dst-type LOCAL -j ACCEPT")
        }
        if !model.sets.isEmpty(.externalIP) {
            let head = "-A KUBE-SERVICES \(comment(.externalIP)) -m set --match-set \(IPSetName.externalIP.name(family)) dst,dst"
            nat.append(head + " -j KUBE-MARK-MASQ")
            externalIPRules(head)
        }
        if !model.sets.isEmpty(.externalIPLocal) {
            externalIPRules(
                "-A KUBE-SERVICES \(comment(.externalIPLocal)) -m set --match-set \(IPSetName.externalIPLocal.name(family)) dst,dst")
        }
        nat.append("-A KUBE-SERVICES -m addrtype --dst-type LOCAL -j KUBE-NODE-PORT")
        nat.append("-A KUBE-LOAD-BALANCER -j KUBE-MARK-MASQ")
        filter.append("-A KUBE-SOURCE-RANGES-FIREWALL -j DROP")
        for entry in model.noNodeAccess {
            filter.append(
                "-A KUBE-IPVS-OUT-FILTER -s \(entry.ip) -m ipvs --vaddr \(entry.ip) --vproto \(entry.proto) --vport \(entry.port) -j DROP"
            )
        }
        for set in [IPSetName.clusterIP, .loadBalancer] where !model.sets.isEmpty(set) {
            nat.append("-A KUBE-SERVICES -m set --match-set \(set.name(family)) dst,dst -j ACCEPT")
        }
        filter.append(
            "-A KUBE-FORWARD -m comment --comment \"kubernetes forwarding rules\" -m mark --mark \(mark)/\(mark) -j ACCEPT"
        )
        filter.append(
            "-A KUBE-FORWARD -m comment --comment \"kubernetes forwarding conntrack rule\" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"
        )
        filter.append(
            "-A KUBE-NODE-PORT \(comment(.healthCheckNodePort)) -m set --match-set \(IPSetName.healthCheckNodePort.name(family)) dst -j ACCEPT"
        )
        for (set, match) in [
            (IPSetName.loadBalancer, "dst,dst"), (.clusterIP, "dst,dst"), (.externalIP, "dst,dst"),
            (.externalIPLocal, "dst,dst"), (.healthCheckNodePort, "dst"),
        ] {
            filter.append("-A KUBE-IPVS-FILTER -m set --match-set \(set.name(family)) \(match) -j RETURN")
        }
        filter.append(
            "-A KUBE-IPVS-FILTER -m conntrack --ctstate NEW -m set --match-set \(IPSetName.ipvsIPs.name(family)) dst -j REJECT")
        nat.append("-A KUBE-POSTROUTING -m mark ! --mark \(mark)/\(mark) -j RETURN")
        nat.append("-A KUBE-POSTROUTING -j MARK --xor-mark \(mark)")
        nat.append(
            "-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\" -j MASQUERADE"
                + (randomFully ? " --random-fully" : ""))
        nat.append("-A KUBE-MARK-MASQ -j MARK --or-mark \(mark)")

        var out = ""
        if let node {
            let tool = family == .v4 ? "iptables" : "ip6tables"
            out +=
                "# Generated by kubec: kube-proxy IPVS mode, \(tool) rules for node \(node) (load ipset.rules first).\n"
            out += "# Load with: \(tool)-restore --noflush --counters < \(Self.fileName(family))\n"
            out +=
                "# kube-proxy also ensures these jumps from built-in chains; run `\(tool) ARGS` for each, in order:\n"
            for jump in Self.builtinJumps { out += "# jump: \(jump)\n" }
        }
        out += "*nat\n"
        for chain in ["KUBE-SERVICES", "KUBE-POSTROUTING", "KUBE-NODE-PORT", "KUBE-LOAD-BALANCER", "KUBE-MARK-MASQ"] {
            out += ":\(chain) - [0:0]\n"
        }
        out += nat.joined(separator: "\n") + "\nCOMMIT\n*filter\n"
        for chain in [
            "KUBE-FORWARD", "KUBE-NODE-PORT", "KUBE-PROXY-FIREWALL", "KUBE-SOURCE-RANGES-FIREWALL",
            "KUBE-IPVS-FILTER", "KUBE-IPVS-OUT-FILTER",
        ] {
            out += ":\(chain) - [0:0]\n"
        }
        out += filter.joined(separator: "\n") + "\nCOMMIT\n"
        return out
    }
}
