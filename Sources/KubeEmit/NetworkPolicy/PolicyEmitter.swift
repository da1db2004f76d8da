import KubePlan

/// NetworkPolicy enforcement per node: `policy.rules` (filter table, for `iptables-restore --noflush`) and
/// `policy.ipset` (for `ipset restore`).
///
/// Design (dataplane.md §4.4, option A): one chain per local pod and direction that only RETURNs allowed
/// traffic and REJECTs the rest, reached from `KUBE-NWP-FORWARD`/`KUBE-NWP-OUTPUT`, egress jumps first. No
/// marks and no ACCEPT, so a packet between two pods of one node passes the source's egress chain and then
/// the destination's ingress chain. Peer pods are matched through ipsets filled from the plan (cluster-wide);
/// rules use pod IPs and container ports, since kube-proxy's DNAT has already happened in the nat table.
package struct PolicyEmitter: Sendable {
    /// Only these nodes (all when empty).
    package var nodes: Set<String>

    package init(nodes: Set<String> = []) {
        self.nodes = nodes
    }

    package func emit(_ state: ClusterState) -> [OutputFile] {
        let evaluator = PolicyEvaluator(
            policies: state.networkPolicies, namespaceLabels: state.namespaceLabels, pods: state.pods)
        var files: [OutputFile] = []
        for node in state.nodes where nodes.isEmpty || nodes.contains(node.name) {
            let compiled = compile(node: node.name, state: state, evaluator: evaluator)
            files.append(OutputFile(path: "nodes/\(node.name)/policy.rules", text: compiled.rules))
            files.append(OutputFile(path: "nodes/\(node.name)/policy.ipset", text: compiled.ipsets))
        }
        return files
    }

    /// The two files' text for one node.
    func compile(node: String, state: ClusterState, evaluator: PolicyEvaluator) -> (rules: String, ipsets: String) {
        var builder = PolicyChainBuilder(evaluator: evaluator)
        let local = state.pods
            .filter { $0.nodeName == node && $0.ip != nil && !$0.hostNetwork }
            .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        for pod in local {
            builder.addPod(pod)
        }
        return (builder.renderRules(node: node), builder.renderSets(node: node))
    }
}
