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
        /// Positions in the plan's pods, in the plan's order.
        var pods: [Int] = []
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
        // Each pod's workload, numbered as first seen; neighbours in the sorted plan mostly share one, so a
        // pod whose workload equals the previous pod's takes its number without hashing.
        var firstSeen: [Workload] = []
        var numbers: [Workload: Int] = [:]
        var podWorkload = [Int](repeating: 0, count: plan.pods.count)
        var previous: Workload?
        for position in plan.pods.indices {
            let workload = Self.workload(plan.pods, position)
            if position > 0, workload == previous {
                podWorkload[position] = podWorkload[position - 1]
                continue
            }
            if let number = numbers[workload] {
                podWorkload[position] = number
            } else {
                numbers[workload] = firstSeen.count
                podWorkload[position] = firstSeen.count
                firstSeen.append(workload)
            }
            previous = workload
        }
        // Sorted, and each first-seen number mapped to its sorted index.
        let order = firstSeen.indices.sorted { firstSeen[$0] < firstSeen[$1] }
        workloads = order.map { firstSeen[$0] }
        var sortedIndex = [Int](repeating: 0, count: firstSeen.count)
        for (index, number) in order.enumerated() { sortedIndex[number] = index }
        workloadPods = Array(repeating: 0, count: workloads.count)

        // Node name → its place among the distinct names; then each place's pods, in the plan's order.
        var places: [String: Int] = [:]
        for node in plan.nodes where places[node.name] == nil { places[node.name] = places.count }
        var podsByPlace = [[Int]](repeating: [], count: places.count)
        var previousNode: (name: String, place: Int?)?
        for position in plan.pods.indices {
            let index = sortedIndex[podWorkload[position]]
            podWorkload[position] = index
            workloadPods[index] += 1
            guard let node = plan.pods[position].node else { continue }
            let place: Int?
            if let previousNode, previousNode.name == node {
                place = previousNode.place
            } else {
                place = places[node]
                previousNode = (node, place)
            }
            if let place { podsByPlace[place].append(position) }
        }
        // Per place, its pods grouped by workload (in workload order, each group in the plan's order).
        var sharesByPlace = [[Share]](repeating: [], count: places.count)
        for place in podsByPlace.indices {
            let positions = podsByPlace[place].sorted { (podWorkload[$0], $0) < (podWorkload[$1], $1) }
            var shares: [Share] = []
            for position in positions {
                let workload = podWorkload[position]
                if shares.last?.workload != workload { shares.append(Share(workload: workload)) }
                shares[shares.count - 1].pods.append(position)
                shares[shares.count - 1].requests.milliCPU += plan.pods[position].requests.milliCPU
                shares[shares.count - 1].requests.memory += plan.pods[position].requests.memory
            }
            sharesByPlace[place] = shares
        }

        let zoneOf = Dictionary(
            result.state.nodes.map { ($0.name, $0.labels[Self.zoneLabel]) }, uniquingKeysWith: { first, _ in first })
        var byZone: [String?: [NodeEntry]] = [:]
        for node in plan.nodes {
            let shares = places[node.name].map { sharesByPlace[$0] } ?? []
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

    /// `workload(of: pods[position])`, read in place (a copy of the pod would retain each of its strings).
    static func workload(_ pods: [PlacementPlan.Pod], _ position: Int) -> Workload {
        if let owner = pods[position].owner {
            return Workload(namespace: pods[position].namespace, kind: owner.kind, name: owner.name)
        }
        return Workload(namespace: pods[position].namespace, kind: "Pod", name: pods[position].name)
    }

    static func workload(of pod: PlacementPlan.Pod) -> Workload {
        if let owner = pod.owner { return Workload(namespace: pod.namespace, kind: owner.kind, name: owner.name) }
        return Workload(namespace: pod.namespace, kind: "Pod", name: pod.name)
    }
}
