import KubeModel

/// `NodeResourcesFit` (`plugins/noderesources/fit.go`, `least_allocated.go`).
///
/// Filter (real requests, no defaults): `Too many pods`, then `Insufficient cpu|memory|ephemeral-storage`,
/// then extended resources in name order. The code is Unschedulable, or UnschedulableAndUnresolvable when a
/// failing request exceeds the node's whole allocatable (v1.34+, preemption cannot help).
/// Score (LeastAllocated, cpu and memory weight 1, non-zero requests):
/// `Σ (alloc − req)·100/alloc / 2`, 0 for a resource whose request exceeds allocatable. Weight 1.
package struct NodeResourcesFit: PreFilterPlugin, FilterPlugin, ScorePlugin {
    package static let name = "NodeResourcesFit"

    package init() {}

    package func preFilter(_ pod: SchedulingSpec, _ state: inout CycleState, _ snapshot: inout ClusterSnapshot)
        -> PreFilterResult { .success }

    package func filter(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Status {
        let target = snapshot.nodes[node]
        let used = snapshot.usage[node]
        var reasons: [String] = []
        var unresolvable = false
        if used.podCount + 1 > target.allowedPods {
            reasons.append(Reason.tooManyPods)
            if target.allowedPods < 1 { unresolvable = true }
        }
        let request = pod.requests
        if request.isZero {
            return reasons.isEmpty ? .success : Status(.unschedulable, reasons, plugin: Self.name)
        }
        func check(_ wanted: Int64, _ allocatable: Int64, _ requested: Int64, _ name: String) {
            guard wanted > 0, wanted > allocatable - requested else { return }
            reasons.append(Reason.insufficient(name))
            if wanted > allocatable { unresolvable = true }
        }
        check(request.milliCPU, target.allocatable.milliCPU, used.requested.milliCPU, "cpu")
        check(request.memory, target.allocatable.memory, used.requested.memory, "memory")
        check(request.ephemeralStorage, target.allocatable.ephemeralStorage, used.requested.ephemeralStorage,
              "ephemeral-storage")
        if !request.scalars.isEmpty {
            for name in request.scalars.keys.sorted() {
                check(request.scalars[name] ?? 0, target.allocatable.scalars[name] ?? 0,
                      used.requested.scalars[name] ?? 0, name.rawValue)
            }
        }
        if reasons.isEmpty { return .success }
        return Status(unresolvable ? .unschedulableAndUnresolvable : .unschedulable, reasons, plugin: Self.name)
    }

    package func score(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Int64 {
        let allocatable = snapshot.nodes[node].allocatable
        let used = snapshot.usage[node].nonZeroRequested
        var total: Int64 = 0
        var weights: Int64 = 0
        Self.leastAllocated(allocatable.milliCPU, used.milliCPU + pod.nonZeroRequests.milliCPU, &total, &weights)
        Self.leastAllocated(allocatable.memory, used.memory + pod.nonZeroRequests.memory, &total, &weights)
        return weights == 0 ? 0 : total / weights
    }

    @inline(__always)
    private static func leastAllocated(_ capacity: Int64, _ requested: Int64, _ total: inout Int64, _ weights: inout Int64) {
        guard capacity > 0 else { return }
        total += requested > capacity ? 0 : (capacity - requested) * maxNodeScore / capacity
        weights += 1
    }
}
