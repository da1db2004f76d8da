import KubeYAML

/// `v1` Node: the inventory the scheduler places pods on.
package struct Node: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    /// `spec.podCIDR`, or the first of `spec.podCIDRs`.
    package var podCIDR: String?
    /// `spec.podCIDRs` (dual stack), or `[podCIDR]`.
    package var podCIDRs: [String]
    package var taints: [Taint]
    package var unschedulable: Bool
    package var addresses: [NodeAddress]
    package var capacity: ResourceList
    /// `status.allocatable`; see `effectiveAllocatable`.
    package var allocatable: ResourceList
    /// `status.images`, for ImageLocality.
    package var images: [ContainerImage]
    /// `status.conditions`, as type → status (`Ready` → `True`).
    package var conditions: [String: String]

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        podCIDRs = []
        taints = []
        unschedulable = false
        addresses = []
        capacity = ResourceList()
        allocatable = ResourceList()
        images = []
        conditions = [:]
        if let spec = context.mapping(node, "spec") {
            podCIDR = context.string(spec, "podCIDR")
            podCIDRs = context.strings(spec, "podCIDRs")
            taints = context.list(spec, "taints")
            unschedulable = context.bool(spec, "unschedulable") ?? false
        }
        if podCIDR == nil { podCIDR = podCIDRs.first }
        if podCIDRs.isEmpty, let podCIDR { podCIDRs = [podCIDR] }
        if let status = context.mapping(node, "status") {
            addresses = context.list(status, "addresses")
            capacity = context.resourceList(status, "capacity")
            allocatable = context.resourceList(status, "allocatable")
            images = context.list(status, "images")
            for item in context.sequence(status, "conditions").map(Array.init) ?? [] {
                guard let condition = context.mapping(item), let type = context.string(condition, "type")
                else { continue }
                conditions[type] = context.string(condition, "status") ?? ""
            }
        }
    }

    /// The node name.
    package var name: String { metadata.name }
    /// The node labels.
    package var labels: [String: String] { metadata.labels }

    /// What the scheduler may fill: `allocatable`, falling back resource by resource to `capacity` (the
    /// kubelet reports both; hand-written inventories often give one).
    package var effectiveAllocatable: ResourceList {
        var result = capacity
        for (name, quantity) in allocatable.values { result[name] = quantity }
        return result
    }

    /// The first `InternalIP` address, if any.
    package var internalIP: String? { addresses.first { $0.type == "InternalIP" }?.address }
}

/// `NodeAddress`.
package struct NodeAddress: Sendable, KubeDecodable {
    package var node: YAMLNode?
    /// The address kind: `InternalIP`, `ExternalIP`, `Hostname`.
    package var type: String
    package var address: String

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        type = context.string(node, "type") ?? ""
        address = context.string(node, "address") ?? ""
    }
}

/// `ContainerImage`: an image present on the node.
package struct ContainerImage: Sendable, KubeDecodable {
    package var node: YAMLNode?
    package var names: [String]
    package var sizeBytes: Int64

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        names = context.strings(node, "names")
        sizeBytes = Int64(context.int(node, "sizeBytes") ?? 0)
    }
}
