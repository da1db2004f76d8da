import KubeModel
import KubeYAML

/// The cluster the plan places pods on: Nodes from the input (sorted by name, so file order does not
/// matter) and the Cluster settings.
///
/// Allocatable is `status.allocatable`, falling back to `status.capacity` per resource; a node that lists
/// neither `pods` gets the kubelet default of 110. Nodes without `spec.podCIDR(s)` get consecutive
/// `/nodeCIDRMaskSize` blocks of `clusterCIDR` in node-name order, skipping blocks other nodes already use
/// (what the node IPAM controller's range allocator does, in a fixed order).
package struct Inventory: Sendable {
    package var settings: ClusterSettings
    package var nodes: [NodeState]
    package var schedulerNodes: [SchedulerNode]
    package var diagnostics: [Diagnostic]

    /// The kubelet's default `maxPods`.
    package static let defaultMaxPods = 110

    package static func build(_ set: ManifestSet, maxNodes: Int = ExpansionLimits.default.maxNodes) -> Inventory {
        let (settings, initial) = ClusterSettings.from(set.cluster)
        var diagnostics = initial
        var seen: Set<String> = []
        var models = set.nodes.sorted { $0.name < $1.name }.filter { seen.insert($0.name).inserted }
        if models.count > maxNodes {
            diagnostics.append(nodeLimitFinding(models[max(maxNodes, 0)], count: models.count, limit: maxNodes))
            models.removeSubrange(max(maxNodes, 0)...)
        }
        var nodes: [NodeState] = []
        var schedulerNodes: [SchedulerNode] = []
        for node in models {
            let object = ObjectIdentity(apiVersion: "v1", kind: "Node", namespace: nil, name: node.name)
            var cidrs: [CIDR] = []
            for text in node.podCIDRs {
                if let cidr = CIDR(text) {
                    cidrs.append(cidr)
                } else {
                    diagnostics.append(
                        Diagnostic(
                            rule: "node-pod-cidr-invalid", severity: .error,
                            message: "podCIDR \(text.debugDescription) is not a CIDR",
                            range: node.node["spec"]?["podCIDR"]?.range ?? node.node.range, object: object,
                            path: "spec.podCIDR"))
                }
            }
            let internalIPs = node.addresses.filter { $0.type == "InternalIP" }.compactMap { IPAddress($0.address) }
            let external = node.addresses.filter { $0.type == "ExternalIP" }.compactMap { IPAddress($0.address) }
            nodes.append(
                NodeState(
                    name: node.name, addresses: internalIPs + external, podCIDRs: cidrs, labels: node.labels,
                    source: node.node.range))
            let allocatable = node.effectiveAllocatable
            var images: [String: Int64] = [:]
            for image in node.images {
                for name in image.names { images[SchedulingSpec.normalizedImage(name)] = image.sizeBytes }
            }
            schedulerNodes.append(
                SchedulerNode(
                    name: node.name, labels: node.labels, taints: node.taints, unschedulable: node.unschedulable,
                    allocatable: Resources(allocatable),
                    allowedPods: allocatable.pods.map { Int($0.value) } ?? defaultMaxPods, imageSizes: images))
        }
        assignPodCIDRs(&nodes, settings: settings, diagnostics: &diagnostics)
        return Inventory(settings: settings, nodes: nodes, schedulerNodes: schedulerNodes, diagnostics: diagnostics)
    }

    /// The one finding for an inventory over the node limit, placed at the first Node left out.
    static func nodeLimitFinding(_ first: Node, count: Int, limit: Int) -> Diagnostic {
        Diagnostic(
            rule: ExpansionLimits.ruleID, severity: .error,
            message: "the input holds \(WorkloadExpander.grouped(count)) Nodes; kubec plans at most "
                + "\(WorkloadExpander.grouped(limit)) (Kubernetes' largest supported cluster): the "
                + "\(WorkloadExpander.grouped(count - limit)) last by name, from \(first.name.debugDescription) on, are "
                + "left out",
            range: first.node.range,
            object: ObjectIdentity(apiVersion: "v1", kind: "Node", namespace: nil, name: first.name),
            hint: "split the inventory; no pod is placed on a Node left out")
    }

    /// Gives each node without a pod CIDR of a cluster CIDR's family the next free block of it (one family per
    /// cluster CIDR, so a dual-stack cluster gives every node one block of each).
    static func assignPodCIDRs(_ nodes: inout [NodeState], settings: ClusterSettings, diagnostics: inout [Diagnostic]) {
        for cluster in settings.clusterCIDRs {
            let family = IPFamily(of: cluster.network)
            let lacking = nodes.indices.filter { index in !nodes[index].podCIDRs.contains { family.contains($0.network) } }
            guard !lacking.isEmpty else { continue }
            let mask = settings.nodeCIDRMaskSize(for: cluster)
            guard mask >= cluster.prefixLength, mask <= (cluster.isV4 ? 32 : 128) else {
                // Said once rather than leaving every pod without an address.
                diagnostics.append(
                    Diagnostic(
                        rule: "cluster-setting-invalid", severity: .error,
                        message: "nodeCIDRMaskSize /\(mask) does not fit clusterCIDR \(cluster): nodes without spec.podCIDR get no pod CIDR",
                        hint: "use a mask between /\(cluster.prefixLength) and /\(cluster.isV4 ? 32 : 128)"))
                continue
            }
            let used = nodes.flatMap(\.podCIDRs)
            let blocks = cluster.subnetCount(length: mask)
            var next: UInt64 = 0
            for index in lacking {
                var assigned: CIDR?
                while next < blocks, let candidate = cluster.subnet(next, length: mask) {
                    next += 1
                    if !used.contains(where: { $0.overlaps(candidate) }) {
                        assigned = candidate
                        break
                    }
                }
                guard let assigned else {
                    diagnostics.append(
                        Diagnostic(
                            rule: "cluster-cidr-exhausted", severity: .error,
                            message: "clusterCIDR \(cluster) has no free /\(mask) left for node \(nodes[index].name)",
                            range: nodes[index].source,
                            object: ObjectIdentity(apiVersion: "v1", kind: "Node", namespace: nil, name: nodes[index].name))
                    )
                    continue
                }
                nodes[index].podCIDRs.append(assigned)
            }
        }
    }
}
