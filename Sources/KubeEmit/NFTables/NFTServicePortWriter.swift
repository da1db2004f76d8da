import KubeModel
import KubePlan

/// Writes one service port into the table on one node, step for step as kube-proxy's nftables `syncProxyRules`
/// does on a full sync: the set and map elements that dispatch its addresses, then its chains (cluster and local
/// policy, external, firewall, one per reachable endpoint) and the ClientIP affinity sets.
///
/// Which endpoints each policy uses comes from `TrafficDecision` (kube-proxy `CategorizeEndpoints`), shared with
/// the iptables emitter. Every value is first checked against nft's grammar (`NFTGrammar`); a port that fails is
/// left out whole and the reason returned.
struct NFTServicePortWriter: Sendable {
    /// Node-wide facts.
    struct Context: Sendable {
        var masqueradeAll: Bool
        /// The local-traffic detector's prefix text, nil without one.
        var localCIDR: String?
        /// The node's address of the family (kube-proxy `nodeIP`), for the firewall's allow-from-node rule.
        var nodeIP: IPAddress?
        var nodeName: String?
        var nodeZone: String?
    }

    let context: Context

    /// Adds `plan` to `table`; returns why it was left out, or nil.
    func write(_ plan: ServicePortPlan, into table: inout NFTablesTable) -> String? {
        let colon = plan.name.firstIndex(of: ":")
        let serviceKey = colon.map { String(plan.name[..<$0]) } ?? plan.name
        let portName = colon.map { String(plan.name[plan.name.index(after: $0)...]) } ?? ""
        let names = NFTChainNames(serviceKey: serviceKey, proto: plan.proto, portName: portName)
        let endpointBases = plan.endpoints.map {
            names.endpointBase(serviceKey: serviceKey, proto: plan.proto, portName: portName, ip: $0.ip, port: $0.port)
        }
        if let problem = check(plan, names, endpointBases, table.family) { return problem }

        let ipX = table.ipX
        let decision = TrafficDecision(plan, nodeName: context.nodeName, nodeZone: context.nodeZone)
        let proto = plan.proto
        let port = String(plan.port)
        let internalChain = plan.internalLocal ? names.local : names.cluster
        let externalPolicyChain = plan.externalLocal ? names.local : names.cluster
        let affinity = plan.affinityTimeout != nil

        // Chains kube-proxy ensures, in its order.
        for index in decision.reachableEndpoints { table.chain("endpoint-" + endpointBases[index]) }
        if decision.usesClusterChain { table.chain(names.cluster) }
        if decision.usesLocalChain { table.chain(names.local) }
        if decision.usesExternalChain { table.chain(names.external) }

        var internalVerdict = ""
        var externalVerdict = ""
        if !decision.hasEndpoints {
            internalVerdict = "goto reject-chain"
            externalVerdict = "goto reject-chain"
        } else {
            if !decision.hasInternalEndpoints { internalVerdict = "drop" }
            if !decision.hasExternalEndpoints { externalVerdict = "drop" }
        }

        // Elements.
        let tail = " . " + proto + " . " + port
        table.element("cluster-ips", plan.clusterIP)
        if decision.hasInternalEndpoints {
            table.element("service-ips", plan.clusterIP + tail, value: "goto " + internalChain)
        } else {
            table.element("no-endpoint-services", plan.clusterIP + tail, value: internalVerdict, comment: plan.name)
        }
        for externalIP in plan.externalIPs {
            if decision.hasEndpoints {
                table.element("service-ips", externalIP + tail, value: "goto " + names.external)
            }
            if !decision.hasExternalEndpoints {
                table.element("no-endpoint-services", externalIP + tail, value: externalVerdict, comment: plan.name)
            }
        }
        let usesFirewall = !plan.loadBalancerIPs.isEmpty && !plan.sourceRanges.isEmpty
        if usesFirewall { table.chain(names.firewall) }
        for address in plan.loadBalancerIPs {
            if decision.hasEndpoints {
                table.element("service-ips", address + tail, value: "goto " + names.external)
            }
            if usesFirewall { table.element("firewall-ips", address + tail, value: "goto " + names.firewall) }
        }
        if !decision.hasExternalEndpoints {
            for address in plan.loadBalancerIPs {
                table.element("no-endpoint-services", address + tail, value: externalVerdict, comment: plan.name)
            }
        }
        if plan.nodePort != 0 {
            let key = proto + " . " + String(plan.nodePort)
            if decision.hasEndpoints { table.element("service-nodeports", key, value: "goto " + names.external) }
            if !decision.hasExternalEndpoints {
                table.element("no-endpoint-nodeports", key, value: externalVerdict, comment: plan.name)
            }
        }

        // Internal traffic: masquerade what does not come from a pod.
        if decision.hasInternalEndpoints {
            if context.masqueradeAll {
                table.rule(internalChain, ipX + " daddr " + plan.clusterIP + " jump mark-for-masquerade")
            } else if let local = context.localCIDR {
                table.rule(
                    internalChain,
                    ipX + " daddr " + plan.clusterIP + " " + ipX + " saddr != " + local
                        + " jump mark-for-masquerade")
            }
        }

        // External traffic.
        if decision.usesExternalChain {
            if !plan.externalLocal {
                table.rule(names.external, "jump mark-for-masquerade")
            } else {
                if let local = context.localCIDR {
                    table.rule(
                        names.external,
                        ipX + " saddr " + local + " goto " + names.cluster + " comment \"short-circuit pod traffic\"")
                }
                table.rule(
                    names.external, "fib saddr type local jump mark-for-masquerade comment \"masquerade local traffic\""
                )
                table.rule(
                    names.external,
                    "fib saddr type local goto " + names.cluster + " comment \"short-circuit local traffic\"")
            }
            if decision.hasExternalEndpoints { table.rule(names.external, "goto " + externalPolicyChain) }
        }

        if usesFirewall {
            var sources = plan.sourceRanges.map(\.description)
            if let nodeIP = context.nodeIP, plan.sourceRanges.contains(where: { $0.contains(nodeIP) }) {
                sources += plan.loadBalancerIPs
            }
            table.rule(names.firewall, ipX + " saddr != { " + sources.joined(separator: " , ") + " } drop")
        }

        if let timeout = plan.affinityTimeout {
            for index in decision.reachableEndpoints {
                table.set(
                    "affinity-" + endpointBases[index],
                    "{ type " + table.addressType + " ; flags dynamic,timeout ; timeout " + String(timeout) + "s ; }")
            }
        }

        func serviceToEndpoints(_ chain: String, _ endpoints: [Int]) {
            if affinity {
                for index in endpoints {
                    table.rule(
                        chain,
                        ipX + " saddr @affinity-" + endpointBases[index] + " goto endpoint-" + endpointBases[index])
                }
            }
            var map = "numgen random mod " + String(endpoints.count) + " vmap { "
            for (position, index) in endpoints.enumerated() {
                if position > 0 { map += " , " }
                map += String(position) + " : goto endpoint-" + endpointBases[index]
            }
            table.rule(chain, map + " }")
        }
        if decision.usesClusterChain { serviceToEndpoints(names.cluster, decision.clusterEndpoints) }
        if decision.usesLocalChain { serviceToEndpoints(names.local, decision.localEndpoints) }

        for index in decision.reachableEndpoints {
            let endpoint = plan.endpoints[index]
            let chain = "endpoint-" + endpointBases[index]
            table.rule(chain, ipX + " saddr " + endpoint.ip + " jump mark-for-masquerade")
            if affinity { table.rule(chain, "update @affinity-" + endpointBases[index] + " { " + ipX + " saddr }") }
            table.rule(chain, "meta l4proto " + proto + " dnat to " + endpoint.text)
        }
        return nil
    }

    /// The first value nft would not read back as meant, or nil.
    private func check(
        _ plan: ServicePortPlan, _ names: NFTChainNames, _ endpointBases: [String], _ family: IPFamily
    ) -> String? {
        guard NFTGrammar.isProtocol(plan.proto) else { return "protocol '\(plan.proto)'" }
        for name in [names.external, names.firewall] + endpointBases.map({ "affinity-" + $0 })
        where !NFTGrammar.isIdentifier(name) {
            return "name '\(name.prefix(80))' is not an nft identifier"
        }
        guard NFTGrammar.isComment(plan.name) else { return "comment '\(plan.name.prefix(80))'" }
        guard NFTGrammar.isPort(plan.port) else { return "port \(plan.port)" }
        guard plan.nodePort == 0 || NFTGrammar.isPort(plan.nodePort) else { return "nodePort \(plan.nodePort)" }
        for address in [plan.clusterIP] + plan.externalIPs + plan.loadBalancerIPs + plan.endpoints.map(\.ip)
        where !NFTGrammar.isAddress(address, family) {
            return "address '\(address.prefix(60))'"
        }
        for endpoint in plan.endpoints where !NFTGrammar.isPort(endpoint.port) {
            return "endpoint port \(endpoint.port)"
        }
        for range in plan.sourceRanges where !NFTGrammar.isPrefix(range.description, family) {
            return "source range '\(range)'"
        }
        if let timeout = plan.affinityTimeout, !(1...86400).contains(timeout) {
            return "session affinity timeout \(timeout)"
        }
        return nil
    }
}
