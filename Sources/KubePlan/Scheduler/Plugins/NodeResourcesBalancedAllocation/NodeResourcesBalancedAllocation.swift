/// `NodeResourcesBalancedAllocation` (`plugins/noderesources/balanced_allocation.go`).
///
/// With real requests (no defaults): `f = min(1, requested/allocatable)` for cpu and memory, score
/// `(1 − |f_cpu − f_mem|/2)·100` truncated. Skips best-effort pods (no cpu or memory request). Weight 1.
package struct NodeResourcesBalancedAllocation: PreScorePlugin, ScorePlugin {
    package static let name = "NodeResourcesBalancedAllocation"

    package init() {}

    package func preScore(
        _ pod: SchedulingSpec, _ state: inout CycleState, feasible: [Int],
        _ snapshot: inout ClusterSnapshot
    ) -> Status {
        pod.requests.milliCPU == 0 && pod.requests.memory == 0 ? .skip : .success
    }

    package func score(
        _ pod: SchedulingSpec, _ state: CycleState, feasible: [Int], _ snapshot: ClusterSnapshot,
        into scores: inout [Int64]
    ) {
        let table = snapshot.table
        let podCPU = pod.requests.milliCPU
        let podMemory = pod.requests.memory
        for (position, node) in feasible.enumerated() {
            scores[position] = Self.nodeScore(table, node, podCPU: podCPU, podMemory: podMemory)
        }
    }

    /// One node's score for a pod's real cpu and memory requests: a function of the node's columns in `table`
    /// and the two requests only (`ResourceScoreCache` relies on that).
    @inline(__always)
    static func nodeScore(_ table: NodeTable, _ node: Int, podCPU: Int64, podMemory: Int64) -> Int64 {
        let cpu = fraction(table.allocatableMilliCPU[node], table.requestedMilliCPU[node] + podCPU)
        let memory = fraction(table.allocatableMemory[node], table.requestedMemory[node] + podMemory)
        var deviation = 0.0
        if let cpu, let memory { deviation = abs(cpu - memory) / 2 }
        return Int64((1 - deviation) * Double(maxNodeScore))
    }

    @inline(__always)
    private static func fraction(_ capacity: Int64, _ requested: Int64) -> Double? {
        capacity > 0 ? min(1, Double(requested) / Double(capacity)) : nil
    }
}
