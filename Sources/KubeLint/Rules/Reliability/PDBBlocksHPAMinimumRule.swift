import KubeModel
import KubeYAML

/// PodDisruptionBudgets that the autoscaled workload they protect cannot satisfy at its minimum.
package struct PDBBlocksHPAMinimumRule: Rule {
    package static let description = RuleDescription(
        id: "pdb-min-available-blocks-hpa-minimum",
        name: "PodDisruptionBudget Above HPA Minimum",
        summary: "A PodDisruptionBudget's minAvailable is at least the minReplicas of the HPA scaling a workload it selects",
        rationale: "Once the autoscaler scales down to its minimum, the budget allows no eviction, and node drains hang exactly when the cluster is quiet enough to do maintenance.",
        kind: .crossResource, severity: .warning,
        equivalents: RuleEquivalents(
            polaris: [
                "pdbMinAvailableGreaterThanHPAMinReplicas", "pdbMinAvailableEqualToHPAMinReplicas",
                "pdbMinAvailableGreaterThanHPAMaxReplicas",
            ]),
        triggering: [
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
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 10
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
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: web
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 3
              maxReplicas: 10
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        let minimums = WorkloadFacts.autoscalerMinimums(context)
        guard !minimums.isEmpty else { return }
        for object in context.objects(ofKind: "PodDisruptionBudget") {
            guard case .podDisruptionBudget(let budget) = object.kubeObject, let wanted = budget.minAvailable?.intValue,
                  let selector = budget.selector, !selector.isInvalid else { continue }
            for entry in context.pods(in: object.namespace, matching: selector) {
                guard let minimum = minimums[WorkloadFacts.key(of: entry)], wanted >= minimum else { continue }
                sink.report(object, at: object.spec?["minAvailable"],
                            "minAvailable \(wanted) is not below minReplicas \(minimum) of the HPA scaling \(entry.ref.kind) \(entry.ref.name)",
                            hint: "raise the HPA's minReplicas above minAvailable, or use maxUnavailable: 1")
                break
            }
        }
    }
}
