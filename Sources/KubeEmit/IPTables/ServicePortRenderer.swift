import KubeModel
import KubePlan

/// Writes one service port's rules into a `RuleArena`, option for option in the order kube-proxy's
/// `syncProxyRules` writes them (pkg/proxy/iptables/proxier.go), so a line here equals kube-proxy's line.
struct ServicePortRenderer: Sendable {
    /// Node-wide facts the rules depend on.
    struct Context: Sendable {
        var masqueradeAll: Bool
        /// `-s CIDR` text of the local-traffic detector, nil without one.
        var localCIDR: String?
        var nfacctCounters: Bool
        var localhostNodePorts: Bool
        /// Comments are dropped from endpoint rules above kube-proxy's large-cluster threshold.
        var largeClusterMode: Bool
        /// The node's primary IPv4 address (kube-proxy `nodeIP`), for the firewall allow-from-node rules.
        var nodeIP: IPAddress?
        var nodeName: String?
        /// The node's `topology.kubernetes.io/zone`, for Services that prefer their zone.
        var nodeZone: String? = nil
    }

    let context: Context
    let probabilities: ProbabilityTable

    /// Renders `plan` and appends its block to `arena`.
    func render(_ plan: ServicePortPlan, into arena: inout RuleArena) {
        let decision = TrafficDecision(plan, nodeName: context.nodeName, nodeZone: context.nodeZone)
        let b0 = arena.buffer.count
        write(.filterNodePorts, plan, decision, &arena.buffer)
        let b1 = arena.buffer.count
        write(.filterServices, plan, decision, &arena.buffer)
        let b2 = arena.buffer.count
        write(.filterExternalServices, plan, decision, &arena.buffer)
        let b3 = arena.buffer.count
        write(.filterProxyFirewall, plan, decision, &arena.buffer)
        let b4 = arena.buffer.count
        write(.natNodePorts, plan, decision, &arena.buffer)
        let b5 = arena.buffer.count
        write(.natServices, plan, decision, &arena.buffer)
        let b6 = arena.buffer.count
        let firstChain = arena.chains.count
        writeChains(plan, decision, &arena)
        arena.blocks.append(
            RuleArena.Block(
                bounds: (b0, b1, b2, b3, b4, b5, b6),
                chains: firstChain..<arena.chains.count))
    }

    // MARK: Top-level chains

    private func write(
        _ section: RuleArena.Section, _ plan: ServicePortPlan, _ decision: TrafficDecision,
        _ out: inout ByteBuffer
    ) {
        let (internalComment, internalTarget, externalComment, externalTarget) = filterVerdicts(decision)
        switch section {
        case .filterNodePorts:
            if plan.healthCheckNodePort != 0 {
                out.append("-A KUBE-NODEPORTS -m comment --comment \"")
                out.append(plan.name)
                out.append(" health check node port\" -m tcp -p tcp --dport ")
                out.append(decimal: plan.healthCheckNodePort)
                out.append(" -j ACCEPT\n")
            }
        case .filterServices:
            if !decision.hasInternalEndpoints {
                filterRule(
                    "KUBE-SERVICES", internalComment, plan, destination: plan.clusterIP, port: plan.port,
                    target: internalTarget, &out)
            }
        case .filterExternalServices:
            guard !decision.hasExternalEndpoints else { return }
            for ip in plan.externalIPs {
                filterRule(
                    "KUBE-EXTERNAL-SERVICES", externalComment, plan, destination: ip, port: plan.port,
                    target: externalTarget, &out)
            }
            for ip in plan.loadBalancerIPs {
                filterRule(
                    "KUBE-EXTERNAL-SERVICES", externalComment, plan, destination: ip, port: plan.port,
                    target: externalTarget, &out)
            }
            if plan.nodePort != 0 {
                out.append("-A KUBE-EXTERNAL-SERVICES -m comment --comment \"")
                out.append(plan.name)
                out.append(externalComment)
                out.append(" -m addrtype --dst-type LOCAL -m ")
                protocolMatch(plan, &out)
                out.append(" --dport ")
                out.append(decimal: plan.nodePort)
                out.append(" -j ")
                out.append(externalTarget)
                out.append(byte: 10)
            }
        case .filterProxyFirewall:
            guard decision.usesFirewallChain else { return }
            for ip in plan.loadBalancerIPs {
                out.append("-A KUBE-PROXY-FIREWALL -m comment --comment \"")
                out.append(plan.name)
                out.append(" traffic not accepted by ")
                plan.chain.with(.fw).write(to: &out)
                out.append("\" -m ")
                protocolMatch(plan, &out)
                destinationPort(ip, plan.port, &out)
                out.append(" -j DROP\n")
            }
        case .natNodePorts:
            guard plan.nodePort != 0, decision.hasEndpoints else { return }
            if context.localhostNodePorts && context.nfacctCounters {
                natNodePortRule(plan, localhost: true, &out)
            }
            natNodePortRule(plan, localhost: false, &out)
        case .natServices:
            if decision.hasInternalEndpoints {
                natServicesRule(plan, "cluster IP", plan.clusterIP, decision.internalChain(plan), &out)
            }
            guard decision.hasEndpoints else { return }
            for ip in plan.externalIPs {
                natServicesRule(plan, "external IP", ip, plan.chain.with(.ext), &out)
            }
            for ip in plan.loadBalancerIPs {
                let target = plan.chain.with(decision.usesFirewallChain ? .fw : .ext)
                natServicesRule(plan, "loadbalancer IP", ip, target, &out)
            }
        }
    }

    /// Comment and target for internal and external traffic that has no endpoints (kube-proxy
    /// `internalTrafficFilterTarget` and friends); comments come quoted.
    private func filterVerdicts(_ decision: TrafficDecision) -> (String, StaticString, String, StaticString) {
        if !decision.hasEndpoints { return (" has no endpoints\"", "REJECT", " has no endpoints\"", "REJECT") }
        return (" has no local endpoints\"", "DROP", " has no local endpoints\"", "DROP")
    }

    private func filterRule(
        _ chain: StaticString, _ commentTail: String, _ plan: ServicePortPlan,
        destination: String, port: Int, target: StaticString, _ out: inout ByteBuffer
    ) {
        out.append("-A ")
        out.append(chain)
        out.append(" -m comment --comment \"")
        out.append(plan.name)
        out.append(commentTail)
        out.append(" -m ")
        protocolMatch(plan, &out)
        destinationPort(destination, port, &out)
        out.append(" -j ")
        out.append(target)
        out.append(byte: 10)
    }

    private func natServicesRule(
        _ plan: ServicePortPlan, _ kind: StaticString, _ destination: String,
        _ target: ChainName, _ out: inout ByteBuffer
    ) {
        out.append("-A KUBE-SERVICES -m comment --comment \"")
        out.append(plan.name)
        out.append(byte: 32)
        out.append(kind)
        out.append("\" -m ")
        protocolMatch(plan, &out)
        destinationPort(destination, plan.port, &out)
        out.append(" -j ")
        target.write(to: &out)
        out.append(byte: 10)
    }

    private func natNodePortRule(_ plan: ServicePortPlan, localhost: Bool, _ out: inout ByteBuffer) {
        out.append("-A KUBE-NODEPORTS -m comment --comment ")
        out.append(plan.name)
        out.append(" -m ")
        protocolMatch(plan, &out)
        if localhost { out.append(" -d 127.0.0.0/8") }
        out.append(" --dport ")
        out.append(decimal: plan.nodePort)
        if localhost { out.append(" -m nfacct --nfacct-name localhost_nps_accepted_pkts") }
        out.append(" -j ")
        plan.chain.with(.ext).write(to: &out)
        out.append(byte: 10)
    }

    /// `tcp -p tcp` (after the caller's `-m `).
    @inline(__always)
    private func protocolMatch(_ plan: ServicePortPlan, _ out: inout ByteBuffer) {
        out.append(plan.proto)
        out.append(" -p ")
        out.append(plan.proto)
    }

    @inline(__always)
    private func destinationPort(_ destination: String, _ port: Int, _ out: inout ByteBuffer) {
        out.append(" -d ")
        out.append(destination)
        out.append(" --dport ")
        out.append(decimal: port)
    }
}
