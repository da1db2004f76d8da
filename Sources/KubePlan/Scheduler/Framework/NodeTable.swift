/// The per-node numbers filters and scores read on every node, as flat arrays indexed by node: no struct
/// copies, dictionaries or reference counting in the inner loops (STYLE.md §13). `ClusterSnapshot.assume`
/// keeps it in step with `NodeUsage`.
package struct NodeTable: Sendable {
    package var allocatableMilliCPU: [Int64]
    package var allocatableMemory: [Int64]
    package var allocatableEphemeral: [Int64]
    package var allowedPods: [Int]
    package var requestedMilliCPU: [Int64]
    package var requestedMemory: [Int64]
    package var requestedEphemeral: [Int64]
    package var nonZeroMilliCPU: [Int64]
    package var nonZeroMemory: [Int64]
    package var podCount: [Int]
    package var hasHostPorts: [Bool]
    package var unschedulable: [Bool]
    /// The node has a NoSchedule or NoExecute taint.
    package var hasHardTaints: [Bool]
    /// The node has a PreferNoSchedule taint.
    package var hasPreferredTaints: [Bool]
    package var hasImages: [Bool]
    /// Whether any node is cordoned, has a NoSchedule/NoExecute taint, a PreferNoSchedule taint, or lists
    /// images: when not, the plugins reading these columns give every node the same answer.
    package var anyUnschedulable: Bool
    package var anyHardTaints: Bool
    package var anyPreferredTaints: Bool
    package var anyImages: Bool

    init(_ nodes: [SchedulerNode]) {
        allocatableMilliCPU = nodes.map(\.allocatable.milliCPU)
        allocatableMemory = nodes.map(\.allocatable.memory)
        allocatableEphemeral = nodes.map(\.allocatable.ephemeralStorage)
        allowedPods = nodes.map(\.allowedPods)
        let zeros = [Int64](repeating: 0, count: nodes.count)
        requestedMilliCPU = zeros
        requestedMemory = zeros
        requestedEphemeral = zeros
        nonZeroMilliCPU = zeros
        nonZeroMemory = zeros
        podCount = [Int](repeating: 0, count: nodes.count)
        hasHostPorts = [Bool](repeating: false, count: nodes.count)
        unschedulable = nodes.map(\.unschedulable)
        hasHardTaints = nodes.map { $0.taints.contains { $0.effect == .noSchedule || $0.effect == .noExecute } }
        hasPreferredTaints = nodes.map { $0.taints.contains { $0.effect == .preferNoSchedule } }
        hasImages = nodes.map { !$0.imageSizes.isEmpty }
        anyUnschedulable = unschedulable.contains(true)
        anyHardTaints = hasHardTaints.contains(true)
        anyPreferredTaints = hasPreferredTaints.contains(true)
        anyImages = hasImages.contains(true)
    }

    mutating func add(_ pod: SchedulingSpec, node: Int) {
        requestedMilliCPU[node] &+= pod.requests.milliCPU
        requestedMemory[node] &+= pod.requests.memory
        requestedEphemeral[node] &+= pod.requests.ephemeralStorage
        nonZeroMilliCPU[node] &+= pod.nonZeroRequests.milliCPU
        nonZeroMemory[node] &+= pod.nonZeroRequests.memory
        podCount[node] += 1
        if !pod.hostPorts.isEmpty { hasHostPorts[node] = true }
    }
}
