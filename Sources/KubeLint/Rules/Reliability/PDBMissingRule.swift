import KubeModel
import KubeYAML

/// Replicated workloads that no PodDisruptionBudget protects.
package struct PDBMissingRule: Rule {
    package static let description = RuleDescription(
        id: "pdb-missing",
        name: "PodDisruptionBudget Missing",
        summary: "A Deployment or StatefulSet with 2 or more replicas is selected by no PodDisruptionBudget in the input",
        rationale: "Without a budget a node drain may evict every replica at once. Opt-in: budgets often live in another repository or chart than the workload, and linting one file would report every workload.",
        kind: .crossResource, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(
            kubeScore: ["deployment-has-poddisruptionbudget", "statefulset-has-poddisruptionbudget"],
            polaris: ["missingPodDisruptionBudget"]),
        triggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ↓web
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: other
            spec:
              maxUnavailable: 1
              selector: {matchLabels: {app: other}}
            """,
        ],
        nonTriggering: [
            """
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
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              maxUnavailable: 1
              selector: {matchLabels: {app: web}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        let covered = WorkloadFacts.selectedWorkloads(by: "PodDisruptionBudget", in: context) { object in
            if case .podDisruptionBudget(let budget) = object { return budget.selector }
            return nil
        }
        for entry in context.podTemplates where entry.kind == .deployment || entry.kind == .statefulSet {
            guard let replicas = WorkloadFacts.replicas(entry), replicas >= 2, !covered.contains(entry.ref.index)
            else { continue }
            sink.report(entry.ref, at: entry.ref.nameNode,
                        "no PodDisruptionBudget selects the \(replicas) pods of \(entry.ref.kind) \(entry.ref.name)",
                        hint: "add a PodDisruptionBudget with maxUnavailable: 1 selecting the pods' labels")
        }
    }
}
