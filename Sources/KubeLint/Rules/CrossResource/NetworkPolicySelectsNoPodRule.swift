import KubeModel
import KubeYAML

/// A NetworkPolicy whose `podSelector` (non-empty) selects no pod of its namespace.
package struct NetworkPolicySelectsNoPodRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "network-policy-selects-no-pod",
        name: "NetworkPolicy Selects No Pod",
        summary: "A NetworkPolicy's podSelector matches no pod template in its namespace",
        rationale: "The policy isolates nothing: the pods it was written for stay open.",
        kind: .crossResource, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["dangling-networkpolicy"], kubeScore: ["networkpolicy-targets-pod"]),
        triggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: db
            spec:
              podSelector:
                matchLabels:
                  ↓app: database
              ingress: []
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: db
              labels: {app: db}
            spec:
              containers: [{name: db, image: postgres:17}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: default-deny
            spec:
              podSelector: {}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: db
            spec:
              podSelector: {matchLabels: {app: db}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: db
              labels: {app: db}
            spec:
              containers: [{name: db, image: postgres:17}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "NetworkPolicy") {
            guard case .networkPolicy(let policy) = object.kubeObject else { continue }
            let selector = policy.spec.podSelector
            guard !selector.isEmpty, !selector.isInvalid, let node = object.spec?["podSelector"] else { continue }
            if !context.hasPods(in: object.namespace, matching: selector) {
                SelectorTargets.reportNoMatch(
                    object, at: firstEntry(node), in: [object.namespace], context, into: &sink,
                    message: "podSelector \(selector.selectorText) matches no pod template in namespace \(object.namespace)",
                    what: "the podSelector \(selector.selectorText) is",
                    hint: "check the labels against the workloads' pod templates", path: "spec.podSelector")
            }
        }
    }
}
