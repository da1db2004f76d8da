import KubeModel
import KubeYAML

/// PodDisruptionBudgets that set neither minAvailable nor maxUnavailable.
package struct PDBWithoutBudgetRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "pdb-without-budget",
        name: "PodDisruptionBudget Without a Budget",
        summary: "A PodDisruptionBudget sets neither minAvailable nor maxUnavailable, so it protects no pod",
        rationale: "The API server accepts such a budget, but the disruption controller then wants 0 healthy pods and allows every eviction: the budget looks like protection and is none. (Both set at once is an API-server error, reported by invalid-pdb-spec.)",
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(kubeScore: ["poddisruptionbudget-has-policy"]),
        triggering: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            ↓spec:
              selector: {matchLabels: {app: web}}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              maxUnavailable: 1
              selector: {matchLabels: {app: web}}
            """,
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: zk
            spec:
              minAvailable: 2
              selector: {matchLabels: {app: zk}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "PodDisruptionBudget") {
            guard case .podDisruptionBudget(let budget) = object.kubeObject,
                  budget.minAvailable == nil, budget.maxUnavailable == nil,
                  object.spec?["minAvailable"] == nil, object.spec?["maxUnavailable"] == nil else { continue }
            sink.report(object, at: object.node.pair(forKey: "spec")?.key,
                        "PodDisruptionBudget \(object.name) sets neither minAvailable nor maxUnavailable: every pod it selects may be evicted",
                        hint: "set maxUnavailable: 1 (or a minAvailable below the replica count)")
        }
    }
}
