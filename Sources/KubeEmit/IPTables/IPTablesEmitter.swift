import KubePlan

// Fidelity notes (where kubec's iptables.rules knowingly differs from what a running kube-proxy writes):
// * Order: kube-proxy emits Services in Go map order (random per sync); kubec writes the canonical order of
//   kube-proxy's tests (`sortIPTablesRules`): tables filter then nat, chains KUBE-NODEPORTS, KUBE-SERVICES,
//   then the other KUBE-* chains alphabetically, each chain's rules grouped; Services by `namespace/name` bytes,
//   ports in spec order. With `IPTablesOptions.kubeProxyUnitTest`, TestOverallIPTablesRules' expected output is
//   reproduced line for line (KubeProxyTestVectorTests).
// * The default mark is spelled `0x00004000` (Go `%#08x`, as a running kube-proxy writes it); the unit tests
//   inject `0x4000` (`markStyle: .short`). The kernel stores the same number.
// * nfacct matches are off by default (`nfacctCounters`), `--random-fully` on (`randomFully`).
// * Header comment lines (`#`) name the node and list the built-in chain jumps kube-proxy ensures outside its
//   restore input; `header: false` drops them.
// * One family per file, as kube-proxy runs one proxier per family: `iptables.rules` (IPv4) and, for clusters
//   with IPv6 addresses, `ip6tables.rules` (IPv6: no localhost NodePorts, `! -d ::1/128`). Zone hints only as
//   the EndpointSlice controller sets them for `trafficDistribution` (TrafficDecision); no `ipMode: Proxy`
//   (ClusterState does not carry it), no partial syncs or `-X` lines.

/// kube-proxy's iptables mode, node by node: `nodes/NODE/iptables.rules`, the `iptables-restore` input of one
/// full sync (filter, then nat), in the canonical order of kube-proxy's tests (`sortIPTablesRules`), so two
/// files diff cleanly and equal kube-proxy's expected test output line for line.
///
/// Work is split in two: every service port whose rules do not depend on the node (no Local traffic policy,
/// no firewall allow-from-node rule) is rendered once for the whole cluster; each node then renders only its
/// node-dependent ports and copies the shared bytes around them.
package struct IPTablesEmitter: Sendable {
    /// kube-proxy flags and node capabilities the output depends on.
    package var options: IPTablesOptions
    /// Render node-independent service ports once for all nodes (off only to check that sharing changes nothing).
    var shareAcrossNodes = true
    /// Whether the caller admitted the state already (`CompileOutputs` admits once for every emitter), so that
    /// `emit` does not run the same checks again.
    var inputAdmitted = false

    /// An emitter with the given options (defaults: a kubeadm cluster on a current node).
    package init(options: IPTablesOptions = IPTablesOptions()) {
        self.options = options
    }

    /// One `nodes/NODE/iptables.rules` per selected node, in node-name order (nodes rendered in parallel).
    package func emit(_ state: ClusterState) -> [OutputFile] {
        let collected = FileCollector()
        emit(state, into: collected.add)
        return collected.files.sorted { $0.path < $1.path }
    }

    /// Each selected node's file, handed to `deliver` as soon as it is rendered (on any core, in any order), so
    /// no more than one file per core is held at a time; the node-independent part is prepared once for all.
    package func emit(_ state: ClusterState, into deliver: @Sendable (OutputFile) -> Void) {
        let state = inputAdmitted ? state : DataplaneInputGuard.admit(state).state
        let prepared = prepare(state)
        let nodes = selectedNodes(state)
        Parallel.forEach(nodes.count) { index in
            deliver(OutputFile(path: "nodes/\(nodes[index].name)/\(fileName)", contents: render(node: nodes[index], prepared)))
        }
    }

    /// The rules for one node as bytes.
    package func rules(for node: NodeState, in state: ClusterState) -> [UInt8] {
        render(node: node, prepare(state))
    }

    /// `iptables.rules`, or `ip6tables.rules` for the IPv6 proxier.
    var fileName: String { options.family == .v4 ? "iptables.rules" : "ip6tables.rules" }

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
        // Plans (hashing most of the time) and shared rendering run per chunk of Services on every core.
        let family = options.family
        let services = ServicePortPlan.proxiedServices(state, family: family)
        let chunks = Parallel.chunks(services.count)
        let zones = ServicePortPlan.zones(of: state)
        let plans = Parallel.map(chunks.count) {
            ServicePortPlan.plans(for: services[chunks[$0]], family: family, zones: zones)
        }.flatMap { $0 }
        var totalEndpoints = 0
        var maximum = 1
        for plan in plans {
            totalEndpoints += plan.endpoints.count
            maximum = max(maximum, plan.endpoints.count)
        }
        let localCIDR: String? =
            switch options.localDetector {
            case .some(.clusterCIDR(let cidr)): cidr.description
            case .some(.disabled): nil
            case nil: state.settings.clusterCIDRs.first { family.contains($0.network) }?.description
            }
        let probabilities = ProbabilityTable(upTo: maximum)
        let largeClusterMode = totalEndpoints > options.largeClusterEndpointsThreshold
        let context = ServicePortRenderer.Context(
            masqueradeAll: state.settings.masqueradeAll, localCIDR: localCIDR, nfacctCounters: options.nfacctCounters,
            localhostNodePorts: options.effectiveLocalhostNodePorts, largeClusterMode: largeClusterMode, nodeIP: nil,
            nodeName: nil)
        let renderer = ServicePortRenderer(context: context, probabilities: probabilities)
        let planChunks = Parallel.chunks(plans.count)
        let arenas = Parallel.map(planChunks.count) { index in
            var arena = RuleArena(capacity: planChunks[index].count * 1400)
            for planIndex in planChunks[index] where !isNodeSpecific(plans[planIndex]) {
                renderer.render(plans[planIndex], into: &arena)
            }
            return arena
        }
        var shared = arenas.first ?? RuleArena()
        for arena in arenas.dropFirst() { shared.append(arena) }
        var sharedBlock: [Int?] = []
        sharedBlock.reserveCapacity(plans.count)
        var nextBlock = 0
        for plan in plans {
            if isNodeSpecific(plan) {
                sharedBlock.append(nil)
            } else {
                sharedBlock.append(nextBlock)
                nextBlock += 1
            }
        }
        let names = shared.chains.map(\.name)
        let order = names.indices.sorted { names[$0] < names[$1] }
        return Prepared(
            plans: plans, shared: shared, sharedBlock: sharedBlock, sharedChainOrder: order,
            probabilities: probabilities, largeClusterMode: largeClusterMode, localCIDR: localCIDR,
            masqueradeAll: state.settings.masqueradeAll,
            mark: Self.markText(bit: state.settings.masqueradeBit, style: options.markStyle))
    }

    /// Rendered per node: Local traffic policies and firewall allow-from-node rules, or everything when sharing is
    /// off (tests compare both paths).
    func isNodeSpecific(_ plan: ServicePortPlan) -> Bool { !shareAcrossNodes || plan.dependsOnNode }

    /// `0x00004000` (Go `%#08x`) or `0x4000`.
    static func markText(bit: Int, style: IPTablesOptions.MarkStyle) -> String {
        let hex = String(UInt64(1) << UInt64(min(max(bit, 0), 31)), radix: 16)
        switch style {
        case .kubeProxy: return "0x" + String(repeating: "0", count: max(0, 8 - hex.count)) + hex
        case .short: return "0x" + hex
        }
    }
}
