import KubeYAML

/// `v1.Affinity`: node affinity, pod affinity and pod anti-affinity.
package struct Affinity: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var nodeAffinity: NodeAffinity?
    package var podAffinity: PodAffinity?
    package var podAntiAffinity: PodAffinity?

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        nodeAffinity = context.decode(node, "nodeAffinity")
        podAffinity = context.decode(node, "podAffinity")
        podAntiAffinity = context.decode(node, "podAntiAffinity")
    }
}

/// `v1.NodeAffinity`.
package struct NodeAffinity: Sendable, KubeDecodable {
    package var node: YAMLNode?
    /// `requiredDuringSchedulingIgnoredDuringExecution`: a hard filter; nil means no constraint.
    package var required: NodeSelector?
    /// `preferredDuringSchedulingIgnoredDuringExecution`: weighted terms (weight 1…100) for scoring.
    package var preferred: [PreferredSchedulingTerm]

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        required = context.decode(node, "requiredDuringSchedulingIgnoredDuringExecution")
        preferred = context.list(node, "preferredDuringSchedulingIgnoredDuringExecution")
    }
}

/// A weighted node selector term of preferred node affinity.
package struct PreferredSchedulingTerm: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var weight: Int
    package var preference: NodeSelectorTerm

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        weight = context.int(node, "weight") ?? 0
        preference = context.decode(node, "preference") ?? NodeSelectorTerm()
    }
}

/// `v1.PodAffinity` or `v1.PodAntiAffinity` (same shape).
package struct PodAffinity: Sendable, KubeDecodable {
    package var node: YAMLNode?
    /// `requiredDuringSchedulingIgnoredDuringExecution`: every term must hold.
    package var required: [PodAffinityTerm]
    /// `preferredDuringSchedulingIgnoredDuringExecution`.
    package var preferred: [WeightedPodAffinityTerm]

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        required = context.list(node, "requiredDuringSchedulingIgnoredDuringExecution")
        preferred = context.list(node, "preferredDuringSchedulingIgnoredDuringExecution")
    }
}

/// A weighted pod affinity term.
package struct WeightedPodAffinityTerm: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var weight: Int
    package var podAffinityTerm: PodAffinityTerm

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        weight = context.int(node, "weight") ?? 0
        podAffinityTerm = context.decode(node, "podAffinityTerm") ?? PodAffinityTerm()
    }
}

/// `v1.PodAffinityTerm`: which pods (selector, namespaces) must or must not share a topology domain.
///
/// A nil `labelSelector` matches no pod. The namespaces considered are `namespaces` ∪ those matched by
/// `namespaceSelector`; when both are empty/nil, the pod's own namespace; an empty `namespaceSelector` (`{}`)
/// means every namespace.
package struct PodAffinityTerm: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var labelSelector: LabelSelector?
    package var namespaces: [String]
    package var namespaceSelector: LabelSelector?
    /// The node label whose values define the domains (`kubernetes.io/hostname`, `topology.kubernetes.io/zone`).
    package var topologyKey: String
    /// Label keys whose values, taken from the incoming pod, are ANDed into `labelSelector` (1.29+).
    package var matchLabelKeys: [String]
    /// Like `matchLabelKeys` but with `NotIn`.
    package var mismatchLabelKeys: [String]

    package init() {
        namespaces = []
        topologyKey = ""
        matchLabelKeys = []
        mismatchLabelKeys = []
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        labelSelector = context.decode(node, "labelSelector")
        namespaces = context.strings(node, "namespaces")
        namespaceSelector = context.decode(node, "namespaceSelector")
        topologyKey = context.string(node, "topologyKey") ?? ""
        matchLabelKeys = context.strings(node, "matchLabelKeys")
        mismatchLabelKeys = context.strings(node, "mismatchLabelKeys")
    }
}
