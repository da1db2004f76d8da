import KubeModel
import KubePlan

/// Builds the per-pod chains and the ipsets they use, for one node and one IP family: the IPv4 chains go to
/// `policy.rules` (iptables), the IPv6 ones to `policy6.rules` (ip6tables). A family's chains match only pods
/// and blocks of that family; IPv6 set names hash the family in, so both families' sets share `policy.ipset`.
struct PolicyChainBuilder {
    let evaluator: PolicyEvaluator
    let family: IPFamily
    private var chains: [(name: String, rules: [String])] = []
    private var egressJumps: [String] = []
    private var ingressJumps: [String] = []
    private var sets: [String: PolicyIPSet] = [:]

    init(evaluator: PolicyEvaluator, family: IPFamily = .v4) {
        self.evaluator = evaluator
        self.family = family
    }

    /// A set name for these parts, with the family for IPv6 (IPv4 names are unchanged from before IPv6).
    private func setName(_ parts: [String]) -> String {
        PolicyNames.set(family == .v4 ? parts : parts + [family.rawValue])
    }

    mutating func addPod(_ pod: PodState) {
        guard let ip = pod.ips.first(where: family.contains) else { return }
        let host = ip.isV4 ? "/32" : "/128"
        let egress = evaluator.selecting(pod, egress: true)
        if !egress.isEmpty {
            let chain = PolicyNames.podChain(namespace: pod.namespace, pod: pod.name, egress: true)
            egressJumps.append("-s \(ip)\(host) -m comment --comment \"\(PolicyNames.comment("\(pod.namespace)/\(pod.name) egress"))\" -j \(chain)")
            chains.append((chain, podChain(pod, policies: egress, egress: true)))
        }
        let ingress = evaluator.selecting(pod, egress: false)
        if !ingress.isEmpty {
            let chain = PolicyNames.podChain(namespace: pod.namespace, pod: pod.name, egress: false)
            ingressJumps.append("-d \(ip)\(host) -m comment --comment \"\(PolicyNames.comment("\(pod.namespace)/\(pod.name) ingress"))\" -j \(chain)")
            chains.append((chain, podChain(pod, policies: ingress, egress: false)))
        }
    }

    private mutating func podChain(_ pod: PodState, policies: [NetworkPolicyState], egress: Bool) -> [String] {
        var rules = [
            "-m conntrack --ctstate RELATED,ESTABLISHED -j RETURN",
            "-m conntrack --ctstate INVALID -j DROP",
        ]
        if !egress { rules.append("-m addrtype --src-type LOCAL -j RETURN") }
        let direction = egress ? "egress" : "ingress"
        let match = egress ? "dst" : "src"
        for policy in policies {
            for (ruleIndex, rule) in (egress ? policy.egress : policy.ingress).enumerated() {
                let comment = "-m comment --comment \"\(PolicyNames.comment("\(policy.key) \(direction) rule \(ruleIndex)"))\""
                // A peer of the other family (an ipBlock) matches nothing here: it gets no rule.
                let peerMatches: [String?] = rule.peers.isEmpty
                    ? [nil]
                    : rule.peers.enumerated().compactMap { peerIndex, peer in
                        guard let name = setName(policy, direction, ruleIndex, peerIndex, peer) else { return nil }
                        return "-m set --match-set \(name) \(match)"
                    }
                let portMatches = portFragments(rule, pod: pod, egress: egress, policy: policy, direction: direction,
                                                ruleIndex: ruleIndex, match: match)
                for peerMatch in peerMatches {
                    for portMatch in portMatches {
                        let parts = [comment, peerMatch, portMatch].compactMap { $0 }.filter { !$0.isEmpty }
                        rules.append(parts.joined(separator: " ") + " -j RETURN")
                    }
                }
            }
        }
        rules.append("-m comment --comment \"\(PolicyNames.comment("\(pod.namespace)/\(pod.name) \(direction) not allowed"))\" -j REJECT")
        return rules
    }

    /// The `-p … --dport …` fragments of a rule (`[""]` for every port), with named ports resolved: on the
    /// pod itself for ingress, on each destination pod for egress (one set per resolved number).
    private mutating func portFragments(
        _ rule: PolicyRuleState, pod: PodState, egress: Bool, policy: NetworkPolicyState, direction: String,
        ruleIndex: Int, match: String
    ) -> [String?] {
        if rule.ports.isEmpty { return [""] }
        var fragments: [String?] = []
        for (portIndex, port) in rule.ports.enumerated() {
            let proto = port.proto.lowercased
            switch port.port {
            case .none:
                fragments.append("-p \(proto)")
            case .number(let number):
                let range = port.endPort.map { "\(number):\($0)" } ?? "\(number)"
                fragments.append("-p \(proto) -m \(proto) --dport \(range)")
            case .name(let name):
                if !egress {
                    for number in Set(pod.ports.filter { $0.name == name && $0.proto == port.proto }.map(\.containerPort)).sorted() {
                        fragments.append("-p \(proto) -m \(proto) --dport \(number)")
                    }
                } else {
                    // Egress to a named port: the number differs per destination, so pair each number with
                    // the set of destination pods that expose the name with that number.
                    var byNumber: [Int: [IPAddress]] = [:]
                    for target in evaluator.pods where !target.hostNetwork {
                        guard let ip = target.ips.first(where: family.contains) else { continue }
                        for exposed in target.ports where exposed.name == name && exposed.proto == port.proto {
                            byNumber[exposed.containerPort, default: []].append(ip)
                        }
                    }
                    for (number, addresses) in byNumber.sorted(by: { $0.key < $1.key }) {
                        let set = setName([policy.key, direction, "\(ruleIndex)", "port", "\(portIndex)", "\(number)"])
                        sets[set] = PolicyIPSet(
                            name: set, isV6: family == .v6, entries: .addresses(addresses),
                            comment: PolicyNames.comment("\(policy.key) \(direction) rule \(ruleIndex) port \(name)=\(number)"))
                        fragments.append("-m set --match-set \(set) \(match) -p \(proto) -m \(proto) --dport \(number)")
                    }
                }
            }
        }
        // A rule whose ports all failed to resolve allows nothing: keep it out rather than allow every port.
        return fragments
    }

    /// The set a peer is matched through, nil for an ipBlock of the other family.
    private mutating func setName(
        _ policy: NetworkPolicyState, _ direction: String, _ ruleIndex: Int, _ peerIndex: Int, _ peer: PolicyPeer
    ) -> String? {
        if case .ipBlock(let cidr, _) = peer, !family.contains(cidr.network) { return nil }
        let name = setName([policy.key, direction, "\(ruleIndex)", "\(peerIndex)"])
        if sets[name] != nil { return name }
        let comment = PolicyNames.comment("\(policy.key) \(direction) rule \(ruleIndex) peer \(peerIndex)")
        switch peer {
        case .pods:
            let addresses = evaluator.pods(matching: peer, policyNamespace: policy.namespace)
                .compactMap { $0.ips.first(where: family.contains) }
            sets[name] = PolicyIPSet(
                name: name, isV6: family == .v6, entries: .addresses(addresses),
                comment: comment)
        case .ipBlock(let cidr, let except):
            sets[name] = PolicyIPSet(
                name: name, isV6: family == .v6,
                entries: .networks(include: [cidr], exclude: except.filter { family.contains($0.network) }),
                comment: comment)
        }
        return name
    }

    // MARK: Rendering

    /// `policy.rules`, or `policy6.rules` for IPv6.
    var rulesFile: String { family == .v4 ? "policy.rules" : "policy6.rules" }

    func renderRules(node: String) -> String {
        let tool = family == .v4 ? "iptables-restore" : "ip6tables-restore"
        var output = "# kubec NetworkPolicy rules for node \(PolicyNames.comment(node)). Load with: \(tool) --noflush < \(rulesFile)\n"
        output += "# (after: ipset restore < policy.ipset). Chains only RETURN allowed traffic or REJECT; no marks.\n"
        output += "*filter\n"
        output += ":\(PolicyNames.forwardChain) - [0:0]\n"
        output += ":\(PolicyNames.outputChain) - [0:0]\n"
        let sortedChains = chains.sorted { $0.name < $1.name }
        for chain in sortedChains { output += ":\(chain.name) - [0:0]\n" }
        output += "-I FORWARD 1 -m comment --comment \"kubec network policy\" -j \(PolicyNames.forwardChain)\n"
        output += "-I OUTPUT 1 -m comment --comment \"kubec network policy\" -j \(PolicyNames.outputChain)\n"
        for jump in egressJumps { output += "-A \(PolicyNames.forwardChain) \(jump)\n" }
        for jump in ingressJumps { output += "-A \(PolicyNames.forwardChain) \(jump)\n" }
        for jump in ingressJumps { output += "-A \(PolicyNames.outputChain) \(jump)\n" }
        for chain in sortedChains {
            for rule in chain.rules { output += "-A \(chain.name) \(rule)\n" }
        }
        output += "COMMIT\n"
        return output
    }

    func renderSets(node: String) -> String {
        var output = "# kubec NetworkPolicy ipsets for node \(PolicyNames.comment(node)). Load with: ipset -exist restore < policy.ipset\n"
        for set in sets.values.sorted() { set.write(to: &output) }
        return output
    }
}
