import KubeModel
import KubePlan

/// NetworkPolicy enforcement per node: `policy.rules` (filter table, for `iptables-restore --noflush`),
/// `policy6.rules` for IPv6 pods (`ip6tables-restore --noflush`, only in clusters with IPv6 addresses) and
/// `policy.ipset` (for `ipset restore`, both families' sets).
///
/// Design (dataplane.md §4.4, option A): one chain per local pod and direction that only RETURNs allowed
/// traffic and REJECTs the rest, reached from `KUBE-NWP-FORWARD`/`KUBE-NWP-OUTPUT`, egress jumps first. No
/// marks and no ACCEPT, so a packet between two pods of one node passes the source's egress chain and then
/// the destination's ingress chain. Peer pods are matched through ipsets filled from the plan (cluster-wide);
/// rules use pod IPs and container ports, since kube-proxy's DNAT has already happened in the nat table.
package struct PolicyEmitter: Sendable {
    /// Only these nodes (all when empty).
    package var nodes: Set<String>
    /// Whether the caller admitted the state already (`CompileOutputs` admits once for every emitter), so that
    /// `emit` does not run the same checks again.
    var inputAdmitted = false

    package init(nodes: Set<String> = []) {
        self.nodes = nodes
    }

    package func emit(_ state: ClusterState) -> [OutputFile] {
        let state = inputAdmitted ? state : DataplaneInputGuard.admit(state).state
        let evaluator = PolicyEvaluator(
            policies: state.networkPolicies, namespaceLabels: state.namespaceLabels, pods: state.pods)
        var files: [OutputFile] = []
        let families = IPFamily.allCases.filter { $0 == .v4 || state.uses($0) }
        // Each node's own pods, found in one pass over the pods (sorted by namespace and name).
        var local: [String: [PodState]] = [:]
        // By index: only the pods kept are copied.
        for index in state.pods.indices where state.pods[index].ip != nil && !state.pods[index].hostNetwork {
            if let node = state.pods[index].nodeName, nodes.isEmpty || nodes.contains(node) {
                local[node, default: []].append(state.pods[index])
            }
        }
        for node in state.nodes where nodes.isEmpty || nodes.contains(node.name) {
            var sets = ""
            let pods = (local[node.name] ?? []).sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
            for family in families {
                let compiled = compile(node: node.name, pods: pods, evaluator: evaluator, family: family)
                files.append(OutputFile(path: "nodes/\(node.name)/\(compiled.file)", text: compiled.rules))
                if family == .v4 {
                    sets += compiled.ipsets
                } else if let newline = compiled.ipsets.firstIndex(of: "\n") {
                    sets += compiled.ipsets[compiled.ipsets.index(after: newline)...]  // one header per file
                }
            }
            files.append(OutputFile(path: "nodes/\(node.name)/policy.ipset", text: sets))
        }
        return files
    }

    /// One family's rules file name and text for one node (whose placed pods are `pods`, sorted by namespace
    /// and name), and its sets (with their header line).
    func compile(
        node: String, pods: [PodState], evaluator: PolicyEvaluator, family: IPFamily = .v4
    ) -> (file: String, rules: String, ipsets: String) {
        var builder = PolicyChainBuilder(evaluator: evaluator, family: family)
        for pod in pods {
            builder.addPod(pod)
        }
        return (builder.rulesFile, builder.renderRules(node: node), builder.renderSets(node: node))
    }
}
