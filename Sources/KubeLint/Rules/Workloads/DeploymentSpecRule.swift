import KubeModel
import KubeYAML

/// Deployment and ReplicaSet specs: strategy type, rollingUpdate only with RollingUpdate, maxSurge and
/// maxUnavailable as int or percent and not both zero, progressDeadlineSeconds > minReadySeconds, counts ≥ 0.
package struct DeploymentSpecRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-deployment-spec",
        name: "Invalid Deployment Spec",
        summary: "Deployment strategy and counts are valid: maxSurge and maxUnavailable not both 0, Recreate without rollingUpdate",
        rationale: "The API server rejects the Deployment; with both 0 a rollout could never make progress.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: ↓-1
              selector: {matchLabels: {app: web}}
              strategy:
                rollingUpdate: {maxSurge: 0, maxUnavailable: ↓0}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector: {matchLabels: {app: web}}
              minReadySeconds: 60
              progressDeadlineSeconds: ↓30
              strategy:
                type: Recreate
                ↓rollingUpdate: {maxSurge: ↓"25 %"}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
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
              strategy:
                type: RollingUpdate
                rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in Array(context.objects(ofKind: "Deployment")) + context.objects(ofKind: "ReplicaSet") {
            guard let spec = object.spec, spec.isMapping else { continue }
            SpecChecks.nonNegative(spec, ["replicas", "minReadySeconds", "revisionHistoryLimit"], object, &sink)
            SpecChecks.noActiveDeadline(spec["template"]?["spec"], kind: "ReplicaSet", object, &sink)
            guard object.kind == "Deployment" else { continue }
            if let deadline = spec["progressDeadlineSeconds"], let value = deadline.integer {
                if value <= (spec["minReadySeconds"]?.integer ?? 0) {
                    sink.fieldError(object, at: deadline, .invalid(.int(Int(value)), "must be greater than minReadySeconds"))
                }
            }
            guard let strategy = spec["strategy"], strategy.isMapping else { continue }
            let type = strategy["type"]?.text ?? "RollingUpdate"
            SpecChecks.oneOf(strategy, "type", ["Recreate", "RollingUpdate"], object, &sink)
            guard let rolling = strategy["rollingUpdate"], !rolling.isNull else { continue }
            if type == "Recreate" {
                sink.fieldError(object, at: strategy.pair(forKey: "rollingUpdate")?.key, pathOf: rolling,
                                .forbidden("may not be specified when strategy `type` is 'Recreate'"))
            }
            let surge = SpecChecks.intOrPercent(rolling["maxSurge"], max100: false, object, &sink)
            let unavailable = SpecChecks.intOrPercent(rolling["maxUnavailable"], max100: true, object, &sink)
            if type == "RollingUpdate", surge?.isZero == true, unavailable?.isZero == true, let node = rolling["maxUnavailable"] {
                sink.fieldError(object, at: node, .invalid(.raw(node.text ?? "0"), "may not be 0 when `maxSurge` is 0"),
                                hint: "allow one extra pod (maxSurge: 1) or one missing pod (maxUnavailable: 1)")
            }
        }
    }
}
