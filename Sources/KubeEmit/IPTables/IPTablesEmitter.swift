import KubePlan

/// kube-proxy's iptables mode, node by node: `nodes/NODE/iptables.rules`, the `iptables-restore` input of one
/// full sync (filter, then nat), in the canonical order of kube-proxy's tests (`sortIPTablesRules`), so two
/// files diff cleanly and equal kube-proxy's expected test output line for line.
///
/// Work is split in two: every service port whose rules do not depend on the node (no Local traffic policy,
/// no firewall allow-from-node rule) is rendered once for the whole cluster; each node then renders only its
/// node-dependent ports and copies the shared bytes around them.
package struct IPTablesEmitter: Sendable {
    package var options: IPTablesOptions

    package init(options: IPTablesOptions = IPTablesOptions()) {
        self.options = options
    }

    /// One `nodes/NODE/iptables.rules` per selected node, in node-name order.
    package func emit(_ state: ClusterState) -> [OutputFile] {
        let prepared = prepare(state)
        return selectedNodes(state).map { node in
            OutputFile(path: "nodes/\(node.name)/iptables.rules", contents: render(node: node, prepared))
        }
    }

    /// The rules for one node as bytes.
    package func rules(for node: NodeState, in state: ClusterState) -> [UInt8] {
        render(node: node, prepare(state))
    }

    /// The nodes the options select, sorted by name.
    func selectedNodes(_ state: ClusterState) -> [NodeState] {
        state.nodes.filter { options.nodes?.contains($0.name) ?? true }.sorted { $0.name < $1.name }
    }

    /// The node-independent part of a compile.
    struct Prepared: Sendable {
        var plans: [ServicePortPlan]
        /// Blocks for node-independent plans, indexed like `plans` through `sharedBlock`.
        var shared: RuleArena
        var sharedBlock: [Int?]
        /// Shared chain indices sorted by chain name.
        var sharedChainOrder: [Int]
        var probabilities: ProbabilityTable
        var largeClusterMode: Bool
        var localCIDR: String?
        var masqueradeAll: Bool
        var mark: String
    }

    func prepare(_ state: ClusterState) -> Prepared {
        let plans = ServicePortPlan.plans(for: state)
        var totalEndpoints = 0
        var maximum = 1
        for plan in plans {
            totalEndpoints += plan.endpoints.count
            maximum = max(maximum, plan.endpoints.count)
        }
        let localCIDR: String? = switch options.localDetector {
        case .some(.clusterCIDR(let cidr)): cidr.description
        case .some(.disabled): nil
        case nil: state.settings.clusterCIDRs.first(where: \.isV4)?.description
        }
        let probabilities = ProbabilityTable(upTo: maximum)
        let largeClusterMode = totalEndpoints > options.largeClusterEndpointsThreshold
        let context = ServicePortRenderer.Context(
            masqueradeAll: state.settings.masqueradeAll, localCIDR: localCIDR, nfacctCounters: options.nfacctCounters,
            localhostNodePorts: options.localhostNodePorts, largeClusterMode: largeClusterMode, nodeIP: nil,
            nodeName: nil)
        let renderer = ServicePortRenderer(context: context, probabilities: probabilities)
        var shared = RuleArena(capacity: plans.count * 900)
        var sharedBlock: [Int?] = []
        sharedBlock.reserveCapacity(plans.count)
        for plan in plans {
            if plan.dependsOnNode {
                sharedBlock.append(nil)
            } else {
                sharedBlock.append(shared.blocks.count)
                renderer.render(plan, into: &shared)
            }
        }
        let order = shared.chains.indices.sorted { shared.chains[$0].name < shared.chains[$1].name }
        return Prepared(
            plans: plans, shared: shared, sharedBlock: sharedBlock, sharedChainOrder: order,
            probabilities: probabilities, largeClusterMode: largeClusterMode, localCIDR: localCIDR,
            masqueradeAll: state.settings.masqueradeAll,
            mark: Self.markText(bit: state.settings.masqueradeBit, style: options.markStyle))
    }

    /// `0x00004000` (Go `%#08x`) or `0x4000`.
    static func markText(bit: Int, style: IPTablesOptions.MarkStyle) -> String {
        let hex = String(UInt64(1) << UInt64(min(max(bit, 0), 31)), radix: 16)
        switch style {
        case .kubeProxy: return "0x" + String(repeating: "0", count: max(0, 8 - hex.count)) + hex
        case .short: return "0x" + hex
        }
    }
}
