import KubeYAML

/// Lint findings from a plan: `pod-unschedulable`, one per workload and message, at the workload's manifest.
/// Only meaningful when the input has Nodes (without an inventory every pod would be unschedulable).
package enum PlanFindings {
    package static let unschedulableRule = "pod-unschedulable"

    package static func unschedulable(_ plan: PlacementPlan) -> [Diagnostic] {
        guard !plan.nodes.isEmpty else { return [] }
        var groups: [String: [PlacementPlan.Pod]] = [:]
        var order: [String] = []
        for pod in plan.unschedulable {
            let key =
                "\(pod.object?.kind ?? "")/\(pod.namespace)/\(pod.object?.name ?? pod.name)\u{0}\(pod.message ?? "")"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(pod)
        }
        return order.compactMap { key in
            guard let pods = groups[key], let first = pods.first else { return nil }
            let names = summarisedNames(pods.map(\.name))
            let what =
                first.owner.map { "\(WorkloadExpander.grouped(pods.count)) pod(s) of \($0.kind) \(first.namespace)/\($0.name)" }
                ?? "Pod \(first.namespace)/\(first.name)"
            return Diagnostic(
                rule: unschedulableRule, severity: .error,
                message: "\(what) cannot be scheduled: \(first.message ?? "")",
                range: first.source, object: first.object,
                hint: first.owner == nil ? nil : "pods: \(names)")
        }
    }

    /// Most pod names a finding lists; the rest are counted.
    static let listedNames = 10

    /// The first names, then how many more: a finding stays one readable line whatever the replica count.
    static func summarisedNames(_ names: [String]) -> String {
        guard names.count > listedNames else { return names.joined(separator: ", ") }
        return names.prefix(listedNames).joined(separator: ", ")
            + " and \(WorkloadExpander.grouped(names.count - listedNames)) more"
    }
}
