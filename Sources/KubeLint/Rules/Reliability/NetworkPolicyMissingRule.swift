import KubeModel
import KubeYAML

/// Workloads whose pods no NetworkPolicy selects.
package struct NetworkPolicyMissingRule: Rule {
    package static let description = RuleDescription(
        id: "network-policy-missing",
        name: "NetworkPolicy Missing",
        summary: "No NetworkPolicy in the input selects the pods of a workload",
        rationale: "Pods no policy selects accept traffic from every pod of the cluster. Opt-in: policies are often kept apart from the workloads (a platform repository, a namespace-wide default deny applied by tooling).",
        kind: .crossResource, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["non-isolated-pod"], kubeScore: ["pod-networkpolicy"], polaris: ["missingNetworkPolicy"]),
        triggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: ↓web
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            """,
        ],
        nonTriggering: [
            """
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
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: default-deny
            spec:
              podSelector: {}
              policyTypes: [Ingress]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        let covered = WorkloadFacts.selectedWorkloads(by: "NetworkPolicy", in: context) { object in
            if case .networkPolicy(let policy) = object { return policy.spec.podSelector }
            return nil
        }
        for entry in context.podTemplates where !covered.contains(entry.ref.index) {
            sink.report(entry.ref, at: entry.ref.nameNode,
                        "no NetworkPolicy selects the pods of \(entry.ref.kind) \(entry.ref.name)",
                        hint: "add a NetworkPolicy for its pods (or a namespace-wide default deny)")
        }
    }
}
