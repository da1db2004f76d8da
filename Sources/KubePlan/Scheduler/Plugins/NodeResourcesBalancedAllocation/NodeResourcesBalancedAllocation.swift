/// `NodeResourcesBalancedAllocation` (`plugins/noderesources/balanced_allocation.go`).
///
/// With real requests (no defaults): `f = min(1, requested/allocatable)` for cpu and memory, score
/// `(1 − |f_cpu − f_mem|/2)·100` truncated. Skips best-effort pods (no cpu or memory request). Weight 1.
package struct NodeResourcesBalancedAllocation: PreScorePlugin, ScorePlugin {
    package static let name = "NodeResourcesBalancedAllocation"

    package init() {}

    package func preScore(_ pod: SchedulingSpec, _ state: inout CycleState, feasible: [Int],
                          _ snapshot: inout ClusterSnapshot) -> Status {
        pod.requests.milliCPU == 0 && pod.requests.memory == 0 ? .skip : .success
    }

    package func score(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Int64 {
        let allocatable = snapshot.nodes[node].allocatable
        let used = snapshot.usage[node].requested
        let cpu = Self.fraction(allocatable.milliCPU, used.milliCPU + pod.requests.milliCPU)
        let memory = Self.fraction(allocatable.memory, used.memory + pod.requests.memory)
        var deviation = 0.0
        if let cpu, let memory { deviation = abs(cpu - memory) / 2 }
        return Int64((1 - deviation) * Double(maxNodeScore))
    }

    @inline(__always)
    private static func fraction(_ capacity: Int64, _ requested: Int64) -> Double? {
        capacity > 0 ? min(1, Double(requested) / Double(capacity)) : nil
    }
}
