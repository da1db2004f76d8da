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

    package func preFilter(
        _ pod: SchedulingSpec, _ state: inout CycleState, _ snapshot: inout ClusterSnapshot
    )
        -> PreFilterResult
    {
        state.fit = NodeResourcesFitState(
            milliCPU: pod.requests.milliCPU, memory: pod.requests.memory, ephemeral: pod.requests.ephemeralStorage,
            hasScalars: pod.requests.scalars.values.contains { $0 > 0 }, isZero: pod.requests.isZero)
        return .success
    }

    package func filter(_ pod: SchedulingSpec, _ state: CycleState, node: Int, _ snapshot: ClusterSnapshot) -> Status? {
        let fit = state.fit
        let tooMany = snapshot.table.podCount[node] + 1 > snapshot.table.allowedPods[node]
        if fit.isZero { return tooMany ? .unschedulable(Self.name, Reason.tooManyPods) : nil }
        if !tooMany, !fit.hasScalars,
            fit.milliCPU <= snapshot.table.allocatableMilliCPU[node] - snapshot.table.requestedMilliCPU[node],
            fit.memory <= snapshot.table.allocatableMemory[node] - snapshot.table.requestedMemory[node],
            fit.ephemeral <= snapshot.table.allocatableEphemeral[node] - snapshot.table.requestedEphemeral[node]
        {
            return nil
        }
        var reasons: [String] = []
        var unresolvable = false
        if tooMany {
            reasons.append(Reason.tooManyPods)
            if snapshot.table.allowedPods[node] < 1 { unresolvable = true }
        }
        func check(_ wanted: Int64, _ allocatable: Int64, _ requested: Int64, _ name: String) {
            guard wanted > 0, wanted > allocatable - requested else { return }
            reasons.append(Reason.insufficient(name))
            if wanted > allocatable { unresolvable = true }
        }
        check(fit.milliCPU, snapshot.table.allocatableMilliCPU[node], snapshot.table.requestedMilliCPU[node], "cpu")
        check(fit.memory, snapshot.table.allocatableMemory[node], snapshot.table.requestedMemory[node], "memory")
        check(
            fit.ephemeral, snapshot.table.allocatableEphemeral[node], snapshot.table.requestedEphemeral[node],
            "ephemeral-storage")
        if fit.hasScalars {
            let allocatable = snapshot.nodes[node].allocatable.scalars
            let requested = snapshot.usage[node].requested.scalars
            for name in pod.requests.scalars.keys.sorted() {
                check(pod.requests.scalars[name] ?? 0, allocatable[name] ?? 0, requested[name] ?? 0, name.rawValue)
            }
        }
        if reasons.isEmpty { return nil }
        return Status(unresolvable ? .unschedulableAndUnresolvable : .unschedulable, reasons, plugin: Self.name)
    }

    package func score(
        _ pod: SchedulingSpec, _ state: CycleState, feasible: [Int], _ snapshot: ClusterSnapshot,
        into scores: inout [Int64]
    ) {
        let table = snapshot.table
        let podCPU = pod.nonZeroRequests.milliCPU
        let podMemory = pod.nonZeroRequests.memory
        for (position, node) in feasible.enumerated() {
            scores[position] = Self.nodeScore(table, node, podCPU: podCPU, podMemory: podMemory)
        }
    }

    /// One node's LeastAllocated score for a pod's non-zero cpu and memory requests: a function of the node's
    /// columns in `table` and the two requests only (`ResourceScoreCache` relies on that).
    @inline(__always)
    static func nodeScore(_ table: NodeTable, _ node: Int, podCPU: Int64, podMemory: Int64) -> Int64 {
        var total: Int64 = 0
        var weights: Int64 = 0
        leastAllocated(table.allocatableMilliCPU[node], table.nonZeroMilliCPU[node] + podCPU, &total, &weights)
        leastAllocated(table.allocatableMemory[node], table.nonZeroMemory[node] + podMemory, &total, &weights)
        return weights == 0 ? 0 : total / weights
    }

    @inline(__always)
    private static func leastAllocated(
        _ capacity: Int64, _ requested: Int64, _ total: inout Int64, _ weights: inout Int64
    ) {
        guard capacity > 0 else { return }
        total += requested > capacity ? 0 : (capacity - requested) * maxNodeScore / capacity
        weights += 1
    }
}

/// The pod's requests, unpacked once per cycle (`preFilterState`).
package struct NodeResourcesFitState: Sendable {
    package var milliCPU: Int64 = 0
    package var memory: Int64 = 0
    package var ephemeral: Int64 = 0
    package var hasScalars = false
    package var isZero = true
}
