import KubeYAML

/// `networking.k8s.io/v1` NetworkPolicy.
package struct NetworkPolicy: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var spec: NetworkPolicySpec

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        spec = context.decode(node, "spec") ?? NetworkPolicySpec()
    }
}

/// `NetworkPolicySpec` with `policyTypes` defaulted as the API does.
package struct NetworkPolicySpec: Sendable, KubeDecodable {
    package var node: YAMLNode?
    /// Pods in the policy's namespace the policy applies to; `{}` (or omitted) selects all of them.
    package var podSelector: LabelSelector
    /// `Ingress` and/or `Egress`.
    ///
    /// When omitted: `Ingress`, plus `Egress` if there are egress rules.
    package var policyTypes: [String]
    /// Whether `policyTypes` was written (false means it was defaulted).
    package var policyTypesGiven: Bool
    /// Allowed incoming traffic; an empty list with `Ingress` in policyTypes denies all ingress.
    package var ingress: [NetworkPolicyRule]
    /// Allowed outgoing traffic.
    package var egress: [NetworkPolicyRule]

    package init() {
        podSelector = LabelSelector()
        policyTypes = ["Ingress"]
        policyTypesGiven = false
        ingress = []
        egress = []
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        podSelector = context.decode(node, "podSelector") ?? LabelSelector()
        ingress = Self.rules(node, "ingress", peersKey: "from", &context)
        egress = Self.rules(node, "egress", peersKey: "to", &context)
        let given = context.strings(node, "policyTypes")
        policyTypesGiven = !given.isEmpty
        if given.isEmpty {
            policyTypes = egress.isEmpty ? ["Ingress"] : ["Ingress", "Egress"]
        } else {
            policyTypes = given
        }
    }

    /// Ingress rules read their peers from `from`, egress rules from `to` (the other key is not theirs).
    private static func rules(
        _ node: YAMLNode, _ key: String, peersKey: String, _ context: inout DecodeContext
    ) -> [NetworkPolicyRule] {
        guard let items = context.sequence(node, key) else { return [] }
        var rules: [NetworkPolicyRule] = []
        rules.reserveCapacity(items.count)
        for item in items {
            guard let rule = context.mapping(item) else { continue }
            rules.append(NetworkPolicyRule(decoding: rule, peersKey: peersKey, in: &context))
        }
        return rules
    }

    /// True when the policy isolates the selected pods for ingress.
    package var affectsIngress: Bool { policyTypes.contains("Ingress") }
    /// True when the policy isolates the selected pods for egress.
    package var affectsEgress: Bool { policyTypes.contains("Egress") }
}

/// One ingress or egress rule: traffic to/from any of the peers on any of the ports.
///
/// Empty `ports` means every port; empty `peers` means every source or destination.
package struct NetworkPolicyRule: Sendable {
    package var node: YAMLNode?
    package var ports: [NetworkPolicyPort]
    /// `from` for an ingress rule, `to` for an egress rule.
    package var peers: [NetworkPolicyPeer]

    /// Decodes a rule whose peers are under `peersKey` (`from` for ingress, `to` for egress).
    package init(decoding node: YAMLNode, peersKey: String, in context: inout DecodeContext) {
        self.node = node
        ports = context.list(node, "ports")
        peers = context.list(node, peersKey)
    }
}

/// `NetworkPolicyPort`.
package struct NetworkPolicyPort: Sendable, KubeDecodable {
    package var node: YAMLNode?
    /// Default `TCP`.
    package var `protocol`: PortProtocol
    /// A number or a named container port; nil means every port of the protocol.
    package var port: IntOrString?
    /// With a numeric `port`: the last port of a range.
    package var endPort: Int?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        `protocol` = PortProtocol(context.string(node, "protocol") ?? "TCP")
        port = context.intOrString(node, "port")
        endPort = context.int(node, "endPort")
    }
}

/// `NetworkPolicyPeer`: pods (by pod and/or namespace selector) or an IP block.
///
/// Only `podSelector`: matching pods in the policy's namespace. Only `namespaceSelector`: every pod in the
/// matching namespaces. Both: matching pods in matching namespaces. A nil selector here is "not given", and
/// an empty one (`{}`) matches everything.
package struct NetworkPolicyPeer: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var podSelector: LabelSelector?
    package var namespaceSelector: LabelSelector?
    package var ipBlock: IPBlock?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        podSelector = context.decode(node, "podSelector")
        namespaceSelector = context.decode(node, "namespaceSelector")
        ipBlock = context.decode(node, "ipBlock")
    }
}

/// `IPBlock`: a CIDR minus some sub-CIDRs.
package struct IPBlock: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var cidr: String
    package var except: [String]

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        cidr = context.string(node, "cidr") ?? ""
        except = context.strings(node, "except")
    }
}
