import KubeModel
import KubeYAML

/// StatefulSet spec: serviceName a DNS label when set, podManagementPolicy, updateStrategy and partition.
package struct StatefulSetSpecRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-statefulset-spec",
        name: "Invalid StatefulSet Spec",
        summary: "StatefulSet serviceName, podManagementPolicy, updateStrategy and partition are valid",
        rationale: "The API server rejects the StatefulSet; serviceName becomes every pod's DNS subdomain.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              serviceName: ↓db.internal
              podManagementPolicy: ↓Serial
              selector: {matchLabels: {app: db}}
              updateStrategy:
                rollingUpdate: {partition: ↓-1}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: postgres:17}]
            """,
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              serviceName: db
              selector: {matchLabels: {app: db}}
              updateStrategy:
                type: OnDelete
                ↓rollingUpdate: {partition: 1}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: postgres:17}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
            spec:
              serviceName: db
              podManagementPolicy: Parallel
              selector: {matchLabels: {app: db}}
              updateStrategy:
                type: RollingUpdate
                rollingUpdate: {partition: 2}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: postgres:17}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "StatefulSet") {
            guard let spec = object.spec, spec.isMapping else { continue }
            // A negative revisionHistoryLimit is accepted (kept for compatibility); 1.33+ warns (`api-warning`).
            SpecChecks.nonNegative(spec, ["replicas", "minReadySeconds"], object, &sink)
            SpecChecks.nonNegative(spec["ordinals"], ["start"], object, &sink)
            SpecChecks.noActiveDeadline(spec["template"]?["spec"], kind: "StatefulSet", object, &sink)
            if let service = spec["serviceName"], let name = service.text, !name.isEmpty {
                for error in NameValidation.dns1123Label(name) {
                    sink.fieldError(object, at: service, .invalid(.string(name), error))
                }
            }
            if let policy = spec["podManagementPolicy"], let text = policy.text, text != "OrderedReady", text != "Parallel" {
                sink.fieldError(object, at: policy, .invalid(.string(text), "must be 'OrderedReady' or 'Parallel'"))
            }
            guard let strategy = spec["updateStrategy"], strategy.isMapping else { continue }
            let type = strategy["type"]?.text ?? "RollingUpdate"
            let rolling = strategy["rollingUpdate"]
            switch type {
            case "OnDelete":
                if let rolling, !rolling.isNull {
                    sink.fieldError(object, at: strategy.pair(forKey: "rollingUpdate")?.key, pathOf: rolling,
                                    .invalid(.raw("{...}"), "only allowed for updateStrategy 'RollingUpdate'"))
                }
            case "RollingUpdate":
                SpecChecks.nonNegative(rolling, ["partition"], object, &sink)
                if let node = rolling?["maxUnavailable"], let value = SpecChecks.intOrPercent(node, max100: true, object, &sink),
                   value.isZero {
                    sink.fieldError(object, at: node, .invalid(.raw(node.text ?? "0"), "cannot be 0"))
                }
            default:
                sink.fieldError(object, at: strategy["type"], .invalid(.string(type), "must be 'RollingUpdate' or 'OnDelete'"))
            }
        }
    }
}
