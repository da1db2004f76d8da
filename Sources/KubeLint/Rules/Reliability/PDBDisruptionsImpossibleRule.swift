import KubeModel
import KubeYAML

/// PodDisruptionBudgets that never allow a voluntary disruption.
package struct PDBDisruptionsImpossibleRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "pdb-disruptions-impossible",
        name: "PodDisruptionBudget Allows No Disruption",
        summary: "maxUnavailable is 0 or 0%, minAvailable is 100%, or minAvailable is at least the replicas of the workloads it selects",
        rationale: "The eviction API then refuses every eviction: `kubectl drain`, node upgrades and the cluster autoscaler hang until someone deletes the budget. kubec counts the replicas of the selected workloads in the input, and says nothing when it cannot (the workloads are elsewhere).",
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["pdb-max-unavailable", "pdb-min-available"], polaris: ["pdbDisruptionsIsZero"]),
        triggering: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              maxUnavailable: ↓0
              selector: {matchLabels: {app: web}}
            """,
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              minAvailable: ↓2
              selector: {matchLabels: {app: web}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              minAvailable: 2
              selector: {matchLabels: {app: web}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "PodDisruptionBudget") {
            guard case .podDisruptionBudget(let budget) = object.kubeObject, let spec = object.spec else { continue }
            if let maxUnavailable = budget.maxUnavailable,
               maxUnavailable.intValue == 0 || maxUnavailable.percentage == 0 {
                sink.report(object, at: spec["maxUnavailable"],
                            "maxUnavailable \(maxUnavailable) allows no pod to be evicted",
                            hint: "allow at least one pod to be unavailable (maxUnavailable: 1)")
                continue
            }
            guard let minAvailable = budget.minAvailable else { continue }
            if minAvailable.percentage.map({ $0 >= 100 }) == true {
                sink.report(object, at: spec["minAvailable"], "minAvailable \(minAvailable) allows no pod to be evicted",
                            hint: "lower minAvailable, or use maxUnavailable: 1")
                continue
            }
            guard let wanted = minAvailable.intValue, let selector = budget.selector, !selector.isInvalid,
                  let replicas = Self.replicas(selected: context.pods(in: object.namespace, matching: selector)),
                  wanted >= replicas else { continue }
            sink.report(object, at: spec["minAvailable"],
                        "minAvailable \(wanted) is not below the \(replicas) pod\(replicas == 1 ? "" : "s") it selects: no pod can be evicted",
                        hint: "set minAvailable below the replica count, or use maxUnavailable: 1")
        }
    }

    /// The pods the selected workloads ask for, nil when none is selected or one has no fixed count.
    static func replicas(selected entries: [PodTemplateEntry]) -> Int? {
        guard !entries.isEmpty else { return nil }
        var total = 0
        for entry in entries {
            guard let count = entry.workload?.desiredPods, entry.kind != .job, entry.kind != .cronJob else { return nil }
            total += count
        }
        return total
    }
}
