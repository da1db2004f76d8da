/// The default profile (`default-scheduler`): the plugins kubec runs, in kube-scheduler's order, with their
/// default score weights (`apis/config/v1/default_plugins.go`). A literal list: no self-registration.
///
/// Not modelled (kubec has no volume or device inventory): VolumeRestrictions, NodeVolumeLimits,
/// VolumeBinding, VolumeZone, DynamicResources. They Skip for pods without PVCs or claims.
package enum RegisteredPlugin: Sendable {
    case nodeUnschedulable(NodeUnschedulable)
    case nodeName(NodeName)
    case taintToleration(TaintToleration)
    case nodeAffinity(NodeAffinityPlugin)
    case nodePorts(NodePorts)
    case nodeResourcesFit(NodeResourcesFit)
    case podTopologySpread(PodTopologySpread)
    case interPodAffinity(InterPodAffinity)
    case balancedAllocation(NodeResourcesBalancedAllocation)
    case imageLocality(ImageLocality)

    package var name: String {
        switch self {
        case .nodeUnschedulable: NodeUnschedulable.name
        case .nodeName: NodeName.name
        case .taintToleration: TaintToleration.name
        case .nodeAffinity: NodeAffinityPlugin.name
        case .nodePorts: NodePorts.name
        case .nodeResourcesFit: NodeResourcesFit.name
        case .podTopologySpread: PodTopologySpread.name
        case .interPodAffinity: InterPodAffinity.name
        case .balancedAllocation: NodeResourcesBalancedAllocation.name
        case .imageLocality: ImageLocality.name
        }
    }
}

/// A score plugin with its weight.
package struct WeightedScorePlugin: Sendable {
    package var plugin: RegisteredPlugin
    package var weight: Int64
}

/// The plugins of one profile, by extension point.
package struct SchedulerProfile: Sendable {
    package var preFilters: [RegisteredPlugin]
    package var filters: [RegisteredPlugin]
    package var scores: [WeightedScorePlugin]

    /// kube-scheduler's default profile. `legacyTaintReason` picks the v1.25–1.33 taint wording;
    /// `taintComparisonOperators` is the `TaintTolerationComparisonOperators` gate (`Gt`/`Lt` tolerations).
    package static func `default`(legacyTaintReason: Bool = false, taintComparisonOperators: Bool = false) -> SchedulerProfile {
        let taints = TaintToleration(legacyReason: legacyTaintReason, comparisonOperators: taintComparisonOperators)
        return SchedulerProfile(
            preFilters: [
                .nodeAffinity(NodeAffinityPlugin()), .nodePorts(NodePorts()), .nodeResourcesFit(NodeResourcesFit()),
                .podTopologySpread(PodTopologySpread()), .interPodAffinity(InterPodAffinity()),
            ],
            filters: [
                .nodeUnschedulable(NodeUnschedulable()), .nodeName(NodeName()), .taintToleration(taints),
                .nodeAffinity(NodeAffinityPlugin()), .nodePorts(NodePorts()), .nodeResourcesFit(NodeResourcesFit()),
                .podTopologySpread(PodTopologySpread()), .interPodAffinity(InterPodAffinity()),
            ],
            scores: [
                WeightedScorePlugin(plugin: .taintToleration(taints), weight: 3),
                WeightedScorePlugin(plugin: .nodeAffinity(NodeAffinityPlugin()), weight: 2),
                WeightedScorePlugin(plugin: .nodeResourcesFit(NodeResourcesFit()), weight: 1),
                WeightedScorePlugin(plugin: .podTopologySpread(PodTopologySpread()), weight: 2),
                WeightedScorePlugin(plugin: .interPodAffinity(InterPodAffinity()), weight: 2),
                WeightedScorePlugin(plugin: .balancedAllocation(NodeResourcesBalancedAllocation()), weight: 1),
                WeightedScorePlugin(plugin: .imageLocality(ImageLocality()), weight: 1),
            ])
    }
}
