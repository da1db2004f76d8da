/// The weighted NodeResourcesFit + NodeResourcesBalancedAllocation score of each node, kept between cycles.
///
/// Both scores are functions of a node's `NodeTable` columns and the pod's cpu and memory requests only, and
/// neither is normalised. Between two cycles only the node the first pod was assumed on changes, and
/// consecutive pods (replicas of one workload) usually ask for the same resources, so a node's sum is computed
/// once and read back until its node takes a pod or a pod with other requests comes. Same arithmetic, same
/// totals: the placement does not change.
struct ResourceScoreCache: Sendable {
    /// What the cached sums depend on besides the node: the pod's requests and the two plugins' weights (0
    /// when a plugin is not scoring).
    struct Key: Equatable, Sendable {
        var nonZeroCPU: Int64
        var nonZeroMemory: Int64
        var cpu: Int64
        var memory: Int64
        var fitWeight: Int64
        var balancedWeight: Int64
    }

    private var key: Key?
    private var sums: [Int64]
    /// `sums[node]` is valid when `stamps[node] == stamp`.
    private var stamps: [UInt32]
    private var stamp: UInt32 = 1

    init(nodeCount: Int) {
        sums = [Int64](repeating: 0, count: nodeCount)
        stamps = [UInt32](repeating: 0, count: nodeCount)
    }

    /// Forgets a node's sum (a pod was assumed on it).
    mutating func invalidate(_ node: Int) {
        if node < stamps.count { stamps[node] = 0 }
    }

    /// Adds each feasible node's weighted sum to `totals` (`totals[i]` belongs to `feasible[i]`).
    mutating func add(_ key: Key, feasible: [Int], table: NodeTable, into totals: inout [Int64]) {
        if key != self.key {
            self.key = key
            stamp &+= 1
            if stamp == 0 {
                stamp = 1
                for index in stamps.indices { stamps[index] = 0 }
            }
        }
        for (position, node) in feasible.enumerated() {
            if stamps[node] != stamp {
                var sum: Int64 = 0
                if key.fitWeight != 0 {
                    sum += key.fitWeight
                        * NodeResourcesFit.nodeScore(
                            table, node, podCPU: key.nonZeroCPU, podMemory: key.nonZeroMemory)
                }
                if key.balancedWeight != 0 {
                    sum += key.balancedWeight
                        * NodeResourcesBalancedAllocation.nodeScore(
                            table, node, podCPU: key.cpu, podMemory: key.memory)
                }
                sums[node] = sum
                stamps[node] = stamp
            }
            totals[position] += sums[node]
        }
    }
}
