import KubeYAML

/// `v1.TopologySpreadConstraint`: how evenly matching pods must spread over a topology's domains.
package struct TopologySpreadConstraint: Sendable, KubeDecodable {
    /// `whenUnsatisfiable`: a filter (`DoNotSchedule`) or a score (`ScheduleAnyway`).
    package struct UnsatisfiableAction: Hashable, Sendable {
        package var rawValue: String
        package init(_ rawValue: String) { self.rawValue = rawValue }
        /// Hard constraint (PodTopologySpread filter).
        package static let doNotSchedule = UnsatisfiableAction("DoNotSchedule")
        /// Soft constraint (PodTopologySpread score).
        package static let scheduleAnyway = UnsatisfiableAction("ScheduleAnyway")
    }

    /// `nodeAffinityPolicy` / `nodeTaintsPolicy`: whether node affinity or taints limit the domains counted.
    package struct InclusionPolicy: Hashable, Sendable {
        package var rawValue: String
        package init(_ rawValue: String) { self.rawValue = rawValue }
        /// Count only nodes the pod could go to.
        package static let honor = InclusionPolicy("Honor")
        /// Count every node.
        package static let ignore = InclusionPolicy("Ignore")
    }

    package var node: YAMLNode?
    package var maxSkew: Int
    package var topologyKey: String
    package var whenUnsatisfiable: UnsatisfiableAction
    /// Nil matches no pod (so the constraint counts nothing).
    package var labelSelector: LabelSelector?
    /// Only with `DoNotSchedule`: fewer eligible domains than this count as zero-pod domains.
    ///
    /// Default 1.
    package var minDomains: Int?
    /// Default `Honor`.
    package var nodeAffinityPolicy: InclusionPolicy
    /// Default `Ignore`.
    package var nodeTaintsPolicy: InclusionPolicy
    package var matchLabelKeys: [String]

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        maxSkew = context.int(node, "maxSkew") ?? 0
        topologyKey = context.string(node, "topologyKey") ?? ""
        whenUnsatisfiable = UnsatisfiableAction(context.string(node, "whenUnsatisfiable") ?? "")
        labelSelector = context.decode(node, "labelSelector")
        minDomains = context.int(node, "minDomains")
        nodeAffinityPolicy = InclusionPolicy(context.string(node, "nodeAffinityPolicy") ?? "Honor")
        nodeTaintsPolicy = InclusionPolicy(context.string(node, "nodeTaintsPolicy") ?? "Ignore")
        matchLabelKeys = context.strings(node, "matchLabelKeys")
    }
}
