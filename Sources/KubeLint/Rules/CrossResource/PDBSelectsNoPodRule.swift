import KubeModel
import KubeYAML

/// A PodDisruptionBudget whose selector selects no pod template.
package struct PDBSelectsNoPodRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "pdb-selects-no-pod",
        name: "PodDisruptionBudget Selects No Pod",
        summary: "A PodDisruptionBudget's selector matches no pod template in its namespace",
        rationale: "The budget protects nothing during drains and upgrades.",
        kind: .crossResource, severity: .warning,
        triggering: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: zk
            spec:
              maxUnavailable: 1
              selector:
                matchLabels: {↓app: zookeeper}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: zk-0
              labels: {app: zk}
            spec:
              containers: [{name: zk, image: zookeeper:3.9}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: zk
            spec:
              maxUnavailable: 1
              selector: {matchLabels: {app: zk}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: zk-0
              labels: {app: zk}
            spec:
              containers: [{name: zk, image: zookeeper:3.9}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "PodDisruptionBudget") {
            guard case .podDisruptionBudget(let budget) = object.kubeObject else { continue }
            guard let selector = budget.selector, let node = object.spec?["selector"] else {
                sink.report(object, at: object.node.pair(forKey: "spec")?.key,
                            "the budget has no selector, so it selects no pod (policy/v1)", hint: "add spec.selector")
                continue
            }
            guard !selector.isEmpty, !selector.isInvalid else { continue }
            if !context.hasPods(in: object.namespace, matching: selector) {
                SelectorTargets.reportNoMatch(
                    object, at: firstEntry(node), in: [object.namespace], context, into: &sink,
                    message: "selector \(selector.selectorText) matches no pod template in namespace \(object.namespace)",
                    what: "the budget's selector \(selector.selectorText) is")
            }
        }
    }
}
