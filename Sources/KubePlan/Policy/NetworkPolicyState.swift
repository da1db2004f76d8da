import KubeModel
import KubeYAML

/// A NetworkPolicy with defaults applied and CIDRs parsed, ready to evaluate or compile.
package struct NetworkPolicyState: Sendable, Hashable {
    package var namespace: String
    package var name: String
    /// Pods of `namespace` the policy applies to; empty selects every pod there.
    package var podSelector: LabelSelector
    package var isolatesIngress: Bool
    package var isolatesEgress: Bool
    package var ingress: [PolicyRuleState]
    package var egress: [PolicyRuleState]
    package var source: SourceRange?

    package init(
        namespace: String, name: String, podSelector: LabelSelector = LabelSelector(), isolatesIngress: Bool = true,
        isolatesEgress: Bool = false, ingress: [PolicyRuleState] = [], egress: [PolicyRuleState] = [],
        source: SourceRange? = nil
    ) {
        self.namespace = namespace
        self.name = name
        self.podSelector = podSelector
        self.isolatesIngress = isolatesIngress
        self.isolatesEgress = isolatesEgress
        self.ingress = ingress
        self.egress = egress
        self.source = source
    }

    /// `namespace/name`.
    package var key: String { "\(namespace)/\(name)" }
}

/// One ingress or egress rule: any of `peers` (all when empty) on any of `ports` (all when empty).
package struct PolicyRuleState: Sendable, Hashable {
    package var peers: [PolicyPeer]
    package var ports: [PolicyPortState]

    package init(peers: [PolicyPeer] = [], ports: [PolicyPortState] = []) {
        self.peers = peers
        self.ports = ports
    }
}

/// Who a rule allows: pods chosen by selectors, or an IP block.
package enum PolicyPeer: Sendable, Hashable {
    /// `podSelector` nil means every pod of the selected namespaces; `namespaceSelector` nil means the
    /// policy's own namespace.
    case pods(podSelector: LabelSelector?, namespaceSelector: LabelSelector?)
    /// A CIDR minus its exceptions.
    case ipBlock(cidr: CIDR, except: [CIDR])
}

/// Which traffic a rule port allows.
package struct PolicyPortState: Sendable, Hashable {
    package var proto: PortProtocol
    /// Nil means every port of the protocol.
    package var port: TargetPort?
    /// With a numeric port: the last port of the range.
    package var endPort: Int?

    package init(proto: PortProtocol = .tcp, port: TargetPort? = nil, endPort: Int? = nil) {
        self.proto = proto
        self.port = port
        self.endPort = endPort
    }
}
