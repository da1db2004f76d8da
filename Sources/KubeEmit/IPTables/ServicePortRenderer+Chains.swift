import KubeModel

/// The per-service nat chains: SVC/SVL (masquerade rule, affinity checks, probability jumps), EXT, FW and SEP.
extension ServicePortRenderer {
    func writeChains(_ plan: ServicePortPlan, _ decision: TrafficDecision, _ arena: inout RuleArena) {
        let internalChain = decision.internalChain(plan)
        if decision.usesClusterChain {
            let chain = plan.chain.with(.svc)
            chainRules(chain, &arena) { out in
                if decision.hasInternalEndpoints, internalChain == chain { masqueradeRule(plan, chain, &out) }
                endpointJumps(plan, chain, decision.clusterEndpoints, &out)
            }
        }
        if decision.usesLocalChain {
            let chain = plan.chain.with(.svl)
            chainRules(chain, &arena) { out in
                if decision.hasInternalEndpoints, internalChain == chain { masqueradeRule(plan, chain, &out) }
                endpointJumps(plan, chain, decision.localEndpoints, &out)
            }
        }
        if decision.usesExternalChain {
            chainRules(plan.chain.with(.ext), &arena) { out in externalChainRules(plan, decision, &out) }
        }
        if decision.usesFirewallChain {
            chainRules(plan.chain.with(.fw), &arena) { out in firewallChainRules(plan, &out) }
        }
        for index in decision.reachableEndpoints {
            let endpoint = plan.endpoints[index]
            chainRules(endpoint.sep, &arena) { out in endpointChainRules(plan, endpoint, &out) }
        }
    }

    private func chainRules(_ name: ChainName, _ arena: inout RuleArena, _ body: (inout ByteBuffer) -> Void) {
        let start = arena.buffer.count
        body(&arena.buffer)
        arena.chains.append(RuleArena.Chain(name: name, rules: start..<arena.buffer.count))
    }

    /// `"SPN cluster IP" … ! -s CIDR -j KUBE-MARK-MASQ`, first rule of the chain handling cluster-IP traffic.
    private func masqueradeRule(_ plan: ServicePortPlan, _ chain: ChainName, _ out: inout ByteBuffer) {
        guard context.masqueradeAll || context.localCIDR != nil else { return }
        out.append("-A ")
        chain.write(to: &out)
        out.append(" -m comment --comment \"")
        out.append(plan.name)
        out.append(" cluster IP\" -m ")
        out.append(plan.proto)
        out.append(" -p ")
        out.append(plan.proto)
        out.append(" -d ")
        out.append(plan.clusterIP)
        out.append(" --dport ")
        out.append(decimal: plan.port)
        if !context.masqueradeAll, let cidr = context.localCIDR {
            out.append(" ! -s ")
            out.append(cidr)
        }
        out.append(" -j KUBE-MARK-MASQ\n")
    }

    /// Affinity `recent --rcheck` rules (ClientIP), then one probability jump per endpoint
    /// (kube-proxy `writeServiceToEndpointRules`).
    private func endpointJumps(_ plan: ServicePortPlan, _ chain: ChainName, _ indices: [Int], _ out: inout ByteBuffer) {
        if let timeout = plan.affinityTimeout {
            for index in indices {
                let endpoint = plan.endpoints[index]
                out.append("-A ")
                chain.write(to: &out)
                jumpComment(plan, endpoint, &out)
                out.append(" -m recent --name ")
                endpoint.sep.write(to: &out)
                out.append(" --rcheck --seconds ")
                out.append(decimal: timeout)
                out.append(" --reap -j ")
                endpoint.sep.write(to: &out)
                out.append(byte: 10)
            }
        }
        let count = indices.count
        for (position, index) in indices.enumerated() {
            let endpoint = plan.endpoints[index]
            out.append("-A ")
            chain.write(to: &out)
            jumpComment(plan, endpoint, &out)
            if position < count - 1 {
                out.append(" -m statistic --mode random --probability ")
                out.append(probabilities.text(for: count - position))
            }
            out.append(" -j ")
            endpoint.sep.write(to: &out)
            out.append(byte: 10)
        }
    }

    @inline(__always)
    private func jumpComment(_ plan: ServicePortPlan, _ endpoint: ServicePortPlan.Endpoint, _ out: inout ByteBuffer) {
        guard !context.largeClusterMode else { return }
        out.append(" -m comment --comment \"")
        out.append(plan.name)
        out.append(" -> ")
        out.append(endpoint.text)
        out.append(byte: 34)
    }

    private func externalChainRules(_ plan: ServicePortPlan, _ decision: TrafficDecision, _ out: inout ByteBuffer) {
        let ext = plan.chain.with(.ext)
        let svc = plan.chain.with(.svc)
        if !plan.externalLocal {
            out.append("-A ")
            ext.write(to: &out)
            out.append(" -m comment --comment \"masquerade traffic for ")
            out.append(plan.name)
            out.append(" external destinations\" -j KUBE-MARK-MASQ\n")
        } else {
            if let cidr = context.localCIDR {
                out.append("-A ")
                ext.write(to: &out)
                out.append(" -m comment --comment \"pod traffic for ")
                out.append(plan.name)
                out.append(" external destinations\" -s ")
                out.append(cidr)
                out.append(" -j ")
                svc.write(to: &out)
                out.append(byte: 10)
            }
            out.append("-A ")
            ext.write(to: &out)
            out.append(" -m comment --comment \"masquerade LOCAL traffic for ")
            out.append(plan.name)
            out.append(" external destinations\" -m addrtype --src-type LOCAL -j KUBE-MARK-MASQ\n")
            out.append("-A ")
            ext.write(to: &out)
            out.append(" -m comment --comment \"route LOCAL traffic for ")
            out.append(plan.name)
            out.append(" external destinations\" -m addrtype --src-type LOCAL -j ")
            svc.write(to: &out)
            out.append(byte: 10)
        }
        if decision.hasExternalEndpoints {
            out.append("-A ")
            ext.write(to: &out)
            out.append(" -j ")
            decision.externalPolicyChain(plan).write(to: &out)
            out.append(byte: 10)
        }
    }

    private func firewallChainRules(_ plan: ServicePortPlan, _ out: inout ByteBuffer) {
        let fw = plan.chain.with(.fw)
        let ext = plan.chain.with(.ext)
        func allow(_ source: String) {
            out.append("-A ")
            fw.write(to: &out)
            out.append(" -m comment --comment \"")
            out.append(plan.name)
            out.append(" loadbalancer IP\" -s ")
            out.append(source)
            out.append(" -j ")
            ext.write(to: &out)
            out.append(byte: 10)
        }
        var allowFromNode = false
        for range in plan.sourceRanges {
            allow(range.description)
            if let nodeIP = context.nodeIP, range.contains(nodeIP) { allowFromNode = true }
        }
        if allowFromNode {
            for ip in plan.loadBalancerIPs { allow(ip) }
        }
        out.append("-A ")
        fw.write(to: &out)
        out.append(" -m comment --comment \"other traffic to ")
        out.append(plan.name)
        out.append(" will be dropped by KUBE-PROXY-FIREWALL\"\n")
    }

    /// Hairpin masquerade, then DNAT (with the affinity `recent --set` before the protocol match).
    private func endpointChainRules(
        _ plan: ServicePortPlan, _ endpoint: ServicePortPlan.Endpoint,
        _ out: inout ByteBuffer
    ) {
        func head() {
            out.append("-A ")
            endpoint.sep.write(to: &out)
            if !context.largeClusterMode {
                out.append(" -m comment --comment ")
                out.append(plan.name)
            }
        }
        head()
        out.append(" -s ")
        out.append(endpoint.ip)
        out.append(" -j KUBE-MARK-MASQ\n")
        head()
        if plan.affinityTimeout != nil {
            out.append(" -m recent --name ")
            endpoint.sep.write(to: &out)
            out.append(" --set")
        }
        out.append(" -m ")
        out.append(plan.proto)
        out.append(" -p ")
        out.append(plan.proto)
        out.append(" -j DNAT --to-destination ")
        out.append(endpoint.text)
        out.append(byte: 10)
    }
}
