import KubeYAML

/// How many pods the plan makes at most: the largest cluster Kubernetes supports, so that work and memory follow
/// the input's size, never a number written in it (`replicas: 1000000000`).
///
/// The figures are the project's documented scalability limits ("Considerations for large clusters"): at most
/// 150,000 pods in total, 5,000 nodes, 110 pods per node (the kubelet's default `maxPods`). A workload asking
/// for more is planned up to the limit and the rest is reported, counted but never enumerated.
///
/// With an inventory, one workload also gets at most one pod more than all Nodes' `allocatable.pods` together:
/// no workload can place more than that, so the pods past it are certainly unschedulable, and the one extra pod
/// carries the scheduler's reason (`pod-unschedulable`).
package struct ExpansionLimits: Sendable, Hashable {
    /// Most pods in the whole plan.
    package var maxPodsTotal = 150_000
    /// Most pods of one workload (one workload cannot hold more than the cluster).
    package var maxPodsPerWorkload = 150_000
    /// Most Nodes in the inventory: the first 5,000 by name are kept, the rest refused with one finding.
    package var maxNodes = 5_000

    /// The rule id of the finding for a workload planned only in part.
    package static let ruleID = "plan-limit-exceeded"

    package init() {}

    /// The cluster limits, as documented.
    package static let `default` = ExpansionLimits()
}

extension WorkloadExpander {
    /// How many of `requested` pods a workload gets, given what the plan already holds; a finding when fewer.
    mutating func admittedCount(_ requested: Int, _ context: PodContext) -> Int {
        let requested = max(requested, 0)
        let remaining = max(limits.maxPodsTotal - result.pods.count, 0)
        let admitted = min(requested, limits.maxPodsPerWorkload, remaining, capacity)
        guard admitted < requested else { return requested }
        let reason =
            admitted == capacity
            ? "the cluster's \(Self.grouped(nodes.count)) node(s) hold at most \(Self.grouped(capacity - 1)) pods "
                + "(allocatable pods), so the rest could never be placed"
            : admitted == remaining && remaining < limits.maxPodsPerWorkload
            ? "the plan already holds \(Self.grouped(result.pods.count)) pods and kubec plans at most "
                + "\(Self.grouped(limits.maxPodsTotal)) in total (Kubernetes' largest supported cluster)"
            : "kubec plans at most \(Self.grouped(limits.maxPodsPerWorkload)) pods per workload "
                + "(Kubernetes' largest supported cluster holds 150,000 pods)"
        result.diagnostics.append(
            Diagnostic(
                rule: ExpansionLimits.ruleID, severity: .error,
                message: "\(context.object.displayName) asks for \(Self.grouped(requested)) pods; only the first "
                    + "\(Self.grouped(admitted)) are planned: \(reason)",
                range: context.source, object: context.object,
                hint: "lower the replica count; the rest of the workload is neither placed nor counted"))
        return admitted
    }

    /// `1234567` as `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return value < 0 ? "-" + result : result
    }
}
