import KubeModel

/// A node as the scheduler sees it: what never changes during a plan.
package struct SchedulerNode: Sendable {
    package var name: String
    package var labels: [String: String]
    /// Every taint, in the order the Node lists them.
    package var taints: [Taint]
    package var unschedulable: Bool
    package var allocatable: Resources
    /// `allocatable.pods`.
    package var allowedPods: Int
    /// Image name → size in bytes (`status.images`, every name of each image).
    package var imageSizes: [String: Int64]

    package init(name: String, labels: [String: String] = [:], taints: [Taint] = [], unschedulable: Bool = false,
                 allocatable: Resources, allowedPods: Int = 110, imageSizes: [String: Int64] = [:]) {
        self.name = name
        self.labels = labels
        self.taints = taints
        self.unschedulable = unschedulable
        self.allocatable = allocatable
        self.allowedPods = allowedPods
        self.imageSizes = imageSizes
    }
}

/// What the pods placed so far use on one node (`NodeInfo.Requested`, `NonZeroRequested`, `UsedPorts`).
package struct NodeUsage: Sendable {
    package var requested = Resources()
    package var nonZeroRequested = Resources()
    package var podCount = 0
    package var hostPorts: [HostPort] = []
    /// Indices into `ClusterSnapshot.pods`.
    package var pods: [Int32] = []
}

/// A pod already counted on a node, as affinity and spread see it.
package struct PlacedPod: Sendable {
    package var namespace: String
    package var labels: [String: String]
    package var node: Int32
    package var priority: Int
}

/// A `key=value` label pair, the key of the label postings.
package struct LabelPair: Hashable, Sendable {
    package var key: String
    package var value: String
}

/// The scheduler's world: static nodes, their usage, placed pods and the indexes over them. A value type,
/// threaded explicitly through the cycle (no globals).
package struct ClusterSnapshot: Sendable {
    package var nodes: [SchedulerNode]
    package var usage: [NodeUsage]
    package var pods: [PlacedPod] = []
    /// Placed pods by label pair, in placement order.
    package var postings: [LabelPair: [Int32]] = [:]
    package var topology: TopologyIndex
    /// Required and preferred terms of placed pods, indexed for "does any existing term match this pod".
    package var existingTerms = ExistingTermIndex()
    /// Namespace labels (Namespace objects, plus `kubernetes.io/metadata.name`).
    package var namespaceLabels: [String: [String: String]]
    /// How many nodes list each image (ImageLocality's spread factor).
    package var imageNodeCounts: [String: Int] = [:]

    package init(nodes: [SchedulerNode], namespaceLabels: [String: [String: String]] = [:]) {
        self.nodes = nodes
        usage = Array(repeating: NodeUsage(), count: nodes.count)
        topology = TopologyIndex(nodeLabels: nodes.map(\.labels))
        self.namespaceLabels = namespaceLabels
        for node in nodes {
            for image in node.imageSizes.keys { imageNodeCounts[image, default: 0] += 1 }
        }
    }

    /// Counts a pod on a node: resources, ports, postings and its affinity terms.
    package mutating func assume(_ spec: SchedulingSpec, on node: Int) {
        let index = Int32(pods.count)
        pods.append(PlacedPod(namespace: spec.namespace, labels: spec.labels, node: Int32(node), priority: spec.priority))
        usage[node].requested.add(spec.requests)
        usage[node].nonZeroRequested.add(spec.nonZeroRequests)
        usage[node].podCount += 1
        usage[node].hostPorts.append(contentsOf: spec.hostPorts)
        usage[node].pods.append(index)
        for (key, value) in spec.labels { postings[LabelPair(key: key, value: value), default: []].append(index) }
        indexTerms(spec.requiredAffinity, .requiredAffinity, spec, node)
        indexTerms(spec.requiredAntiAffinity, .requiredAntiAffinity, spec, node)
        indexTerms(spec.preferredAffinity, .preferredAffinity, spec, node)
        indexTerms(spec.preferredAntiAffinity, .preferredAntiAffinity, spec, node)
    }

    private mutating func indexTerms(_ terms: [AffinityTerm], _ kind: ExistingTermIndex.Kind, _ spec: SchedulingSpec,
                                     _ node: Int) {
        for term in terms {
            guard let selector = term.selector, !selector.isInvalid else { continue }
            let key = topology.keyID(term.topologyKey)
            let signature = ExistingTermIndex.Signature(
                kind: kind, weight: term.weight, selector: selector,
                namespaces: namespaces(of: term, ownerNamespace: spec.namespace), key: key)
            existingTerms.add(signature, value: topology.value(key, node: node))
        }
    }

    /// Placed pods in `namespaces` whose labels the selector matches (nil selector: none).
    package func pods(matching selector: LabelSelector?, in namespaces: NamespaceSet) -> [Int32] {
        guard let selector, !selector.isInvalid else { return [] }
        var best: [Int32]?
        for (key, value) in selector.matchLabels {
            let list = postings[LabelPair(key: key, value: value)] ?? []
            if best == nil || list.count < best?.count ?? 0 { best = list }
        }
        for requirement in selector.matchExpressions where requirement.labelOperator == .in && requirement.values.count == 1 {
            let list = postings[LabelPair(key: requirement.key, value: requirement.values[0])] ?? []
            if best == nil || list.count < best?.count ?? 0 { best = list }
        }
        let candidates = best ?? Array(0..<Int32(pods.count))
        return candidates.filter { index in
            let pod = pods[Int(index)]
            return namespaces.contains(pod.namespace) && selector.matches(pod.labels)
        }
    }

    /// The namespaces a term covers, relative to the namespace of the pod that owns it.
    package func namespaces(of term: AffinityTerm, ownerNamespace: String) -> NamespaceSet {
        if let selector = term.namespaceSelector {
            if selector.isEmpty { return .all }
            var names = Set(term.namespaces)
            for (name, labels) in namespaceLabels where selector.matches(labels) { names.insert(name) }
            return .some(names)
        }
        if term.namespaces.isEmpty { return .some([ownerNamespace]) }
        return .some(Set(term.namespaces))
    }
}

/// A set of namespaces, or all of them.
package enum NamespaceSet: Sendable, Hashable {
    case all
    case some(Set<String>)

    package func contains(_ namespace: String) -> Bool {
        switch self {
        case .all: true
        case .some(let names): names.contains(namespace)
        }
    }
}
