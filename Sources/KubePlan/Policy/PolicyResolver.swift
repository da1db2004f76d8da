import KubeModel
import KubeYAML

/// Turns the input's NetworkPolicies and Namespaces into `ClusterState` facts.
///
/// Policies whose CIDRs do not parse are kept without those peers and reported; lint has the API's own
/// message for them, this only keeps the compiler honest.
package enum PolicyResolver {
    package static let ruleID = "network-policy-unresolvable"

    /// Policies sorted by namespace and name, and every namespace's labels (declared or implied).
    package static func resolve(_ set: ManifestSet) -> (
        policies: [NetworkPolicyState], namespaceLabels: [String: [String: String]], diagnostics: [Diagnostic]
    ) {
        var diagnostics: [Diagnostic] = []
        var policies: [NetworkPolicyState] = []
        for manifest in set.manifests {
            guard case .networkPolicy(let policy) = manifest.object else { continue }
            let namespace = manifest.identity.namespace ?? "default"
            var state = NetworkPolicyState(
                namespace: namespace, name: manifest.identity.name, podSelector: policy.spec.podSelector,
                isolatesIngress: policy.spec.affectsIngress, isolatesEgress: policy.spec.affectsEgress,
                source: manifest.node.range)
            state.ingress = policy.spec.ingress.map { rule($0, manifest, &diagnostics) }
            state.egress = policy.spec.egress.map { rule($0, manifest, &diagnostics) }
            policies.append(state)
        }
        policies.sort { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        return (policies, namespaceLabels(set), diagnostics)
    }

    /// Labels per namespace: declared Namespaces, plus every namespace an object lives in. The API server
    /// adds `kubernetes.io/metadata.name` to every Namespace, so selectors may rely on it.
    package static func namespaceLabels(_ set: ManifestSet) -> [String: [String: String]] {
        var labels: [String: [String: String]] = [:]
        for manifest in set.manifests {
            if manifest.identity.kind == "Namespace" {
                var own = manifest.labels
                own["kubernetes.io/metadata.name"] = manifest.identity.name
                labels[manifest.identity.name] = own
            } else if let namespace = manifest.identity.namespace, labels[namespace] == nil {
                labels[namespace] = ["kubernetes.io/metadata.name": namespace]
            }
        }
        return labels
    }

    private static func rule(
        _ rule: NetworkPolicyRule, _ manifest: Manifest, _ diagnostics: inout [Diagnostic]
    ) -> PolicyRuleState {
        var peers: [PolicyPeer] = []
        for peer in rule.peers {
            if let block = peer.ipBlock {
                guard let cidr = CIDR(block.cidr) else {
                    diagnostics.append(unresolvable("ipBlock.cidr \"\(block.cidr)\" is not a CIDR", block.node, manifest))
                    continue
                }
                let except = block.except.compactMap { text -> CIDR? in
                    if let parsed = CIDR(text) { return parsed }
                    diagnostics.append(unresolvable("ipBlock.except \"\(text)\" is not a CIDR", block.node, manifest))
                    return nil
                }
                peers.append(.ipBlock(cidr: cidr, except: except))
            } else if peer.podSelector != nil || peer.namespaceSelector != nil {
                peers.append(.pods(podSelector: peer.podSelector, namespaceSelector: peer.namespaceSelector))
            }
        }
        let ports = rule.ports.map { port -> PolicyPortState in
            let proto = PortProtocol(rawValue: port.protocol.rawValue) ?? .tcp
            let target: TargetPort? = switch port.port {
            case .none: nil
            case .some(.int(let number)): .number(number)
            case .some(.string(let name)): Int(name).map(TargetPort.number) ?? .name(name)
            }
            return PolicyPortState(proto: proto, port: target, endPort: port.endPort)
        }
        return PolicyRuleState(peers: peers, ports: ports)
    }

    private static func unresolvable(_ message: String, _ node: YAMLNode?, _ manifest: Manifest) -> Diagnostic {
        Diagnostic(
            rule: ruleID, severity: .error, message: message, range: (node ?? manifest.node).range,
            object: manifest.identity.objectIdentity, hint: "write a CIDR such as 10.0.0.0/8; this peer is left out")
    }
}
