import KubeModel
import KubePlan
import KubeYAML

// Fidelity notes (where kubec's nftables.nft knowingly differs from what a running kube-proxy holds):
// * Follows the nftables proxier of kube-proxy's current `proxier_test.go` (base chains
//   `filter-prerouting-pre-dnat`/`filter-output-pre-dnat` at -110, filter checks at 0, `cluster-ips-check`, no
//   protocol/port in the ClusterIP masquerade rule). With `NFTablesOptions.kubeProxyUnitTest`, the expected texts
//   of TestOverallNFTablesRules, TestSyncProxyRulesRepeated (first sync), TestSyncProxyRulesStartup and TestBadIPs
//   are reproduced after that file's normalisation (`sortNFTablesTransaction`; NFTablesKubeProxyVectorTests).
// * The file is the state after a full sync, written like knftables' `Fake.Dump()`: `add` commands only, chains,
//   sets and maps by name, rules in kube-proxy's order, elements sorted. kube-proxy's own transaction also
//   flushes and deletes; loading this file into an empty table gives the same table.
// * One file per node holds `table ip kube-proxy` and, for clusters with IPv6 addresses, `table ip6 kube-proxy`
//   (kube-proxy's dual-stack meta-proxier runs one proxier per family).
// * No `ipMode: Proxy` (ClusterState does not carry it), no partial syncs, no stale-chain flushes.

/// kube-proxy's nftables mode, node by node: `nodes/NODE/nftables.nft`, the `nft -f` input that builds the
/// `kube-proxy` table(s) a full sync leaves on that node.
package struct NFTablesEmitter: Sendable {
    /// kube-proxy settings the output depends on.
    package var options: NFTablesOptions
    /// Render one node's service ports on every core (off only to check that splitting changes nothing).
    var splitAcrossCores = true
    /// Whether the caller admitted the state already (`CompileOutputs` admits once for every emitter), so that
    /// `emit` does not run the same checks again.
    var inputAdmitted = false

    /// An emitter with the given options (defaults: a kubeadm cluster on a current node).
    package init(options: NFTablesOptions = NFTablesOptions()) {
        self.options = options
    }

    /// Rule id of a service port left out because a value would break nft's grammar.
    package static let unsafeValueRule = "nftables-unsafe-value"

    static let fileName = "nftables.nft"

    /// One `nodes/NODE/nftables.nft` per selected node, in node-name order (nodes rendered in parallel), and a
    /// diagnostic per service port left out.
    package func emit(_ state: ClusterState) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let state = inputAdmitted ? state : DataplaneInputGuard.admit(state).state
        let families = options.families(state)
        let plans = families.map { ServicePortPlan.plans(for: state, family: $0) }
        let nodes = state.nodes.filter { options.nodes?.contains($0.name) ?? true }.sorted { $0.name < $1.name }
        let rendered = Parallel.map(nodes.count) { index in
            render(
                node: nodes[index], state: state, families: families, plans: plans,
                splitServices: splitAcrossCores && nodes.count == 1)
        }
        var files: [OutputFile] = []
        var problems: [String: String] = [:]
        for (index, result) in rendered.enumerated() {
            files.append(OutputFile(path: "nodes/\(nodes[index].name)/\(Self.fileName)", contents: result.bytes))
            for (name, problem) in result.problems { problems[name] = problem }
        }
        let diagnostics = problems.keys.sorted().map { name in
            let key = name.split(separator: ":", maxSplits: 1).first.map(String.init) ?? name
            let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
            return Diagnostic(
                rule: Self.unsafeValueRule, severity: .error,
                message: "Service port \(name) left out of \(Self.fileName): \(problems[name] ?? "")",
                object: ObjectIdentity(
                    apiVersion: "v1", kind: "Service", namespace: parts.first, name: parts.last ?? key),
                hint: "nft would reject the whole file; fix the value so kube-proxy can program it")
        }
        return (files, diagnostics)
    }

    /// The file for one node as bytes (tests and benchmarks).
    package func ruleset(for node: NodeState, in state: ClusterState) -> [UInt8] {
        let families = options.families(state)
        return render(
            node: node, state: state, families: families,
            plans: families.map { ServicePortPlan.plans(for: state, family: $0) }, splitServices: splitAcrossCores
        ).bytes
    }

    /// One node's file; `splitServices` renders the service ports on every core (when nodes are not already
    /// rendered in parallel) and merges the parts, which gives the same table.
    private func render(
        node: NodeState, state: ClusterState, families: [IPFamily], plans: [[ServicePortPlan]], splitServices: Bool
    ) -> (bytes: [UInt8], problems: [(String, String)]) {
        var out = ByteBuffer(capacity: plans.reduce(0) { $0 + $1.count } * 1500 + 8192)
        var problems: [(String, String)] = []
        if options.header { writeHeader(node, families, &out) }
        for (familyIndex, family) in families.enumerated() {
            var table = NFTablesTable(family: family)
            let settings = state.settings
            NFTablesFixedChains(
                mark: IPTablesEmitter.markText(bit: settings.masqueradeBit, style: options.markStyle),
                serviceCIDRs: (options.serviceCIDRs ?? settings.serviceCIDRs).filter { family.contains($0.network) },
                nodePortIPs: options.nodePortIPs(node, family)
            ).write(into: &table)
            let writer = NFTServicePortWriter(
                context: NFTServicePortWriter.Context(
                    masqueradeAll: settings.masqueradeAll, localCIDR: localCIDR(settings, family),
                    nodeIP: node.addresses.first(where: family.contains), nodeName: node.name,
                    nodeZone: node.labels[ServicePortPlan.zoneLabel]))
            let familyPlans = plans[familyIndex]
            let chunks = splitServices ? Parallel.chunks(familyPlans.count) : [0..<familyPlans.count]
            if chunks.count <= 1 {
                for plan in familyPlans {
                    if let problem = writer.write(plan, into: &table) { problems.append((plan.name, problem)) }
                }
            }
            let parts: [(NFTablesTable, [(String, String)])] = Parallel.map(chunks.count <= 1 ? 0 : chunks.count) {
                chunk in
                var part = NFTablesTable(family: family)
                var partProblems: [(String, String)] = []
                for plan in familyPlans[chunks[chunk]] {
                    if let problem = writer.write(plan, into: &part) { partProblems.append((plan.name, problem)) }
                }
                return (part, partProblems)
            }
            for (part, partProblems) in parts {
                table.absorb(part)
                problems += partProblems
            }
            if familyIndex > 0 { out.append(byte: 10) }
            table.write(to: &out)
        }
        return (out.bytes, problems)
    }

    private func localCIDR(_ settings: ClusterSettings, _ family: IPFamily) -> String? {
        switch options.localDetector {
        case .some(.clusterCIDR(let cidr)): family.contains(cidr.network) ? cidr.description : nil
        case .some(.disabled): nil
        case nil: settings.clusterCIDRs.first { family.contains($0.network) }?.description
        }
    }

    private func writeHeader(_ node: NodeState, _ families: [IPFamily], _ out: inout ByteBuffer) {
        let tables = families.map { $0 == .v4 ? "ip kube-proxy" : "ip6 kube-proxy" }
        out.append("# kube-proxy nftables mode on node \(node.name): the table")
        out.append(tables.count > 1 ? "s " : " ")
        out.append(tables.joined(separator: " and ") + " after a full sync (written by kubec).\n")
        out.append(
            "# Check: nft -c -f \(Self.fileName)   Load (into a node without these tables): nft -f \(Self.fileName)\n")
        out.append("# Flush (remove everything this file added):")
        for table in tables { out.append(" nft delete table \(table);") }
        out.append("\n")
    }
}
