import KubePlan

/// Assembling one node's file from the shared blocks and the node's own blocks.
extension IPTablesEmitter {
    func render(node: NodeState, _ prepared: Prepared) -> [UInt8] {
        var own = RuleArena()
        var ownBlock: [Int?] = Array(repeating: nil, count: prepared.plans.count)
        let renderer = ServicePortRenderer(context: nodeContext(node, prepared), probabilities: prepared.probabilities)
        for (index, plan) in prepared.plans.enumerated() where prepared.sharedBlock[index] == nil {
            ownBlock[index] = own.blocks.count
            renderer.render(plan, into: &own)
        }
        let ownOrder = own.chains.indices.sorted { own.chains[$0].name < own.chains[$1].name }

        var out = ByteBuffer(capacity: prepared.shared.buffer.count + own.buffer.count + 4096)
        if options.header { writeHeader(node, &out) }

        func eachSection(_ section: RuleArena.Section) {
            for index in prepared.plans.indices {
                if let block = prepared.sharedBlock[index] {
                    out.append(prepared.shared.bytes(prepared.shared.blocks[block].range(section)))
                } else if let block = ownBlock[index] {
                    out.append(own.bytes(own.blocks[block].range(section)))
                }
            }
        }

        // filter
        out.append("*filter\n:KUBE-NODEPORTS - [0:0]\n:KUBE-SERVICES - [0:0]\n:KUBE-EXTERNAL-SERVICES - [0:0]\n")
        if options.effectiveLocalhostNodePorts { out.append(":KUBE-FIREWALL - [0:0]\n") }
        out.append(":KUBE-FORWARD - [0:0]\n:KUBE-PROXY-FIREWALL - [0:0]\n")
        eachSection(.filterNodePorts)
        eachSection(.filterServices)
        eachSection(.filterExternalServices)
        if options.effectiveLocalhostNodePorts {
            out.append(
                "-A KUBE-FIREWALL -m comment --comment \"block incoming localnet connections\" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP\n"
            )
        }
        writeForwardRules(prepared.mark, &out)
        eachSection(.filterProxyFirewall)
        out.append("COMMIT\n")

        // nat: declarations, then rules, both in sorted chain order.
        let merged = mergedChains(prepared, own, ownOrder)
        out.append("*nat\n:KUBE-NODEPORTS - [0:0]\n:KUBE-SERVICES - [0:0]\n")
        for entry in merged {
            out.append(byte: 58)  // ":"
            entry.name.write(to: &out)
            out.append(" - [0:0]\n")
        }
        eachSection(.natNodePorts)
        eachSection(.natServices)
        writeNodePortsJump(node, &out)
        for entry in merged {
            switch entry.source {
            case .shared(let index): out.append(prepared.shared.bytes(prepared.shared.chains[index].rules))
            case .own(let index): out.append(own.bytes(own.chains[index].rules))
            case .fixed: writeFixedChain(entry.name.kind, prepared.mark, &out)
            }
        }
        out.append("COMMIT\n")
        return out.bytes
    }

    private func nodeContext(_ node: NodeState, _ prepared: Prepared) -> ServicePortRenderer.Context {
        ServicePortRenderer.Context(
            masqueradeAll: prepared.masqueradeAll, localCIDR: prepared.localCIDR,
            nfacctCounters: options.nfacctCounters, localhostNodePorts: options.effectiveLocalhostNodePorts,
            largeClusterMode: prepared.largeClusterMode, nodeIP: node.addresses.first(where: options.family.contains),
            nodeName: node.name, nodeZone: node.labels[ServicePortPlan.zoneLabel])
    }

    /// A nat chain in the final order and where its rules are.
    private struct MergedChain {
        enum Source {
            case shared(Int)
            case own(Int)
            case fixed
        }
        var name: ChainName
        var source: Source
    }

    /// Shared, node-own and fixed chains merged by name (both inputs are sorted).
    private func mergedChains(_ prepared: Prepared, _ own: RuleArena, _ ownOrder: [Int]) -> [MergedChain] {
        var result: [MergedChain] = []
        result.reserveCapacity(prepared.sharedChainOrder.count + ownOrder.count + 2)
        var fixed = [
            MergedChain(name: .fixed(.markMasq), source: .fixed),
            MergedChain(name: .fixed(.postrouting), source: .fixed),
        ][...]
        var shared = prepared.sharedChainOrder[...]
        var mine = ownOrder[...]
        while true {
            var best: MergedChain?
            if let index = shared.first {
                best = MergedChain(name: prepared.shared.chains[index].name, source: .shared(index))
            }
            if let index = mine.first, best.map({ own.chains[index].name < $0.name }) ?? true {
                best = MergedChain(name: own.chains[index].name, source: .own(index))
            }
            if let candidate = fixed.first, best.map({ candidate.name < $0.name }) ?? true { best = candidate }
            guard let chosen = best else { break }
            switch chosen.source {
            case .shared: shared = shared.dropFirst()
            case .own: mine = mine.dropFirst()
            case .fixed: fixed = fixed.dropFirst()
            }
            result.append(chosen)
        }
        return result
    }
}
