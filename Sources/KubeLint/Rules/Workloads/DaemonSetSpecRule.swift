import KubeModel
import KubeYAML

/// DaemonSet update strategy: type, and exactly one of maxSurge/maxUnavailable non-zero.
package struct DaemonSetSpecRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-daemonset-spec",
        name: "Invalid DaemonSet Spec",
        summary: "DaemonSet updateStrategy is RollingUpdate or OnDelete, with exactly one of maxSurge and maxUnavailable non-zero",
        rationale: "The API server rejects the DaemonSet.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              selector: {matchLabels: {app: agent}}
              updateStrategy:
                rollingUpdate: {maxSurge: ↓1, maxUnavailable: 1}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers: [{name: agent, image: agent:1.0}]
            """,
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              selector: {matchLabels: {app: agent}}
              updateStrategy:
                type: ↓Always
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers: [{name: agent, image: agent:1.0}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
            spec:
              selector: {matchLabels: {app: agent}}
              updateStrategy:
                rollingUpdate: {maxSurge: 0, maxUnavailable: 10%}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers: [{name: agent, image: agent:1.0}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "DaemonSet") {
            guard let spec = object.spec, spec.isMapping else { continue }
            SpecChecks.nonNegative(spec, ["minReadySeconds", "revisionHistoryLimit"], object, &sink)
            SpecChecks.noActiveDeadline(spec["template"]?["spec"], kind: "DaemonSet", object, &sink)
            guard let strategy = spec["updateStrategy"], strategy.isMapping else { continue }
            SpecChecks.oneOf(strategy, "type", ["OnDelete", "RollingUpdate"], object, &sink)
            guard (strategy["type"]?.text ?? "RollingUpdate") == "RollingUpdate",
                  let rolling = strategy["rollingUpdate"], rolling.isMapping else { continue }
            let surge = SpecChecks.intOrPercent(rolling["maxSurge"], max100: true, object, &sink) ?? .int(0)
            let unavailable = SpecChecks.intOrPercent(rolling["maxUnavailable"], max100: true, object, &sink) ?? .int(1)
            if !surge.isZero, !unavailable.isZero, let node = rolling["maxSurge"] {
                sink.fieldError(object, at: node, .invalid(.raw(node.text ?? ""), "may not be set when maxUnavailable is non-zero"))
            } else if surge.isZero, unavailable.isZero {
                let node = rolling["maxUnavailable"] ?? rolling
                sink.fieldError(object, at: node, pathOf: node, missingKey: rolling["maxUnavailable"] == nil ? "maxUnavailable" : nil,
                                .required("cannot be 0 when maxSurge is 0"))
            }
        }
    }
}
