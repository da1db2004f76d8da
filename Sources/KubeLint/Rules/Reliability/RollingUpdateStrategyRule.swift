import KubeModel
import KubeYAML

/// Deployments that replace every pod at once.
package struct RollingUpdateStrategyRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "rolling-update-strategy-missing",
        name: "Deployment Not Rolling",
        summary: "A Deployment uses strategy Recreate (every old pod is stopped before a new one starts)",
        rationale: "Every rollout is then an outage. Opt-in: Recreate is right for singletons that hold a ReadWriteOnce volume or must never run twice, so it cannot be flagged blindly.",
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["no-rolling-update-strategy"], kubeScore: ["deployment-strategy"]),
        triggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              strategy: {type: ↓Recreate}
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
              strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 0, maxSurge: 1}}
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx:1.27}]}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "Deployment") {
            guard case .deployment(let deployment) = object.kubeObject, deployment.spec.strategy.isRecreate else { continue }
            sink.report(object, at: object.spec?["strategy"]?["type"],
                        "the Deployment stops every pod before starting new ones (strategy Recreate)",
                        hint: "use strategy RollingUpdate unless the pods must never run side by side")
        }
    }
}
