import KubeModel
import KubeYAML

/// PodDisruptionBudgets that leave unhealthyPodEvictionPolicy at its default.
package struct PDBUnhealthyPodEvictionPolicyRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "pdb-unhealthy-pod-eviction-policy",
        name: "PodDisruptionBudget Without unhealthyPodEvictionPolicy",
        summary: "A PodDisruptionBudget does not set spec.unhealthyPodEvictionPolicy",
        rationale: "With the default IfHealthyBudget, pods that are Running but not ready (crash-looping, misconfigured) can only be evicted while the budget is met, so one broken rollout blocks every node drain; AlwaysAllow lets drains evict pods that serve nothing anyway. Opt-in, unlike kube-linter: for quorum stores (ZooKeeper, etcd) a not-ready member may be catching up, and IfHealthyBudget is the deliberate choice.",
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["pdb-unhealthy-pod-eviction-policy"]),
        triggering: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            ↓spec:
              maxUnavailable: 1
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
              unhealthyPodEvictionPolicy: AlwaysAllow
              selector: {matchLabels: {app: web}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "PodDisruptionBudget") {
            guard object.spec?["unhealthyPodEvictionPolicy"] == nil else { continue }
            sink.report(object, at: object.node.pair(forKey: "spec")?.key,
                        "the budget does not set unhealthyPodEvictionPolicy, so not-ready pods can block drains",
                        hint: "set spec.unhealthyPodEvictionPolicy: AlwaysAllow")
        }
    }
}
