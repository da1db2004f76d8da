/// The placement page's content, grouped for display: zones of nodes, and per node its pods summed per
/// workload (one bar segment and one table row per workload, never one element per pod, so a 30,000-pod plan
/// stays a page a browser lays out quickly).
struct PlacementPage {
    /// The node label that names a node's zone.
    static let zoneLabel = "topology.kubernetes.io/zone"

    /// A workload: its namespace and owner (`Deployment web`), or the bare pod when it has none.
    struct Workload: Hashable, Comparable {
        var namespace: String
        var kind: String
        var name: String

        /// `default · Deployment web`.
        var label: String { "\(namespace) · \(kind) \(name)" }

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.namespace, lhs.kind, lhs.name) < (rhs.namespace, rhs.kind, rhs.name)
        }
    }

    /// A workload's pods on one node.
    struct Share {
        var workload: Int
        var pods: [String] = []
        var requests = Resources()
    }

    /// A node with its shares, by workload index.
    struct NodeEntry {
        var node: PlacementPlan.Node
        var shares: [Share]
    }

    /// Nodes of one zone (`nil`: no zone label), in the plan's order (by name).
    struct Zone {
        var name: String?
        var nodes: [NodeEntry]
        var podCount: Int { nodes.reduce(0) { $0 + $1.node.pods.count } }
    }

    var workloads: [Workload]
    /// Pods per workload index, over the whole plan (placed or not).
    var workloadPods: [Int]
    var zones: [Zone]

    init(_ result: PlanResult) {
        let plan = result.plan
        var workloadSet = Set<Workload>()
        for pod in plan.pods { workloadSet.insert(Self.workload(of: pod)) }
        workloads = workloadSet.sorted()
        let workloadIndex = Dictionary(uniqueKeysWithValues: workloads.enumerated().map { ($1, $0) })
        workloadPods = Array(repeating: 0, count: workloads.count)

        // node name → workload index → share, built in one pass over the pods (sorted, so pod lists are too).
        var sharesByNode: [String: [Int: Share]] = [:]
        for pod in plan.pods {
            let index = workloadIndex[Self.workload(of: pod)] ?? 0
            workloadPods[index] += 1
            guard let node = pod.node else { continue }
            var share = sharesByNode[node, default: [:]][index] ?? Share(workload: index)
            share.pods.append(pod.name)
            share.requests.milliCPU += pod.requests.milliCPU
            share.requests.memory += pod.requests.memory
            sharesByNode[node, default: [:]][index] = share
        }

        let zoneOf = Dictionary(
            result.state.nodes.map { ($0.name, $0.labels[Self.zoneLabel]) }, uniquingKeysWith: { first, _ in first })
        var byZone: [String?: [NodeEntry]] = [:]
        for node in plan.nodes {
            let shares = (sharesByNode[node.name] ?? [:]).values.sorted { $0.workload < $1.workload }
            byZone[zoneOf[node.name] ?? nil, default: []].append(NodeEntry(node: node, shares: shares))
        }
        // Named zones by name, then the nodes without a zone label.
        zones = byZone.map { Zone(name: $0.key, nodes: $0.value) }.sorted { lhs, rhs in
            switch (lhs.name, rhs.name) {
            case let (left?, right?): return left < right
            case (.some, nil): return true
            default: return false
            }
        }
    }

    static func workload(of pod: PlacementPlan.Pod) -> Workload {
        if let owner = pod.owner { return Workload(namespace: pod.namespace, kind: owner.kind, name: owner.name) }
        return Workload(namespace: pod.namespace, kind: "Pod", name: pod.name)
    }
}
