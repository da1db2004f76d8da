/// A set of registered plugins by kind (one bit each): what a cycle skipped, with no hashing or allocation.
///
/// Two plugins of one kind share a name, so membership by kind is membership by name.
package struct PluginSet: Sendable, Equatable {
    private var bits: UInt16 = 0

    package init() {}

    package mutating func insert(_ plugin: RegisteredPlugin) { bits |= Self.bit(plugin) }

    package func contains(_ plugin: RegisteredPlugin) -> Bool { bits & Self.bit(plugin) != 0 }

    package var isEmpty: Bool { bits == 0 }

    private static func bit(_ plugin: RegisteredPlugin) -> UInt16 {
        switch plugin {
        case .nodeUnschedulable: 1 << 0
        case .nodeName: 1 << 1
        case .taintToleration: 1 << 2
        case .nodeAffinity: 1 << 3
        case .nodePorts: 1 << 4
        case .nodeResourcesFit: 1 << 5
        case .podTopologySpread: 1 << 6
        case .interPodAffinity: 1 << 7
        case .balancedAllocation: 1 << 8
        case .imageLocality: 1 << 9
        }
    }
}
