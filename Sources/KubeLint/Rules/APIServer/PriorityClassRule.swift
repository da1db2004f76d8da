import KubeModel
import KubeYAML

/// PriorityClasses (`ValidatePriorityClass`, scheduling.k8s.io/v1): the `system-` prefix is reserved for the
/// two built-in classes, user classes stay at or below 1000000000, and preemptionPolicy is known.
package struct PriorityClassRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-priorityclass",
        name: "Invalid PriorityClass",
        summary: "PriorityClass names avoid the reserved system- prefix, values stay at or below 1000000000, preemptionPolicy is known",
        rationale: "The API server refuses the PriorityClass; values above one billion are reserved for system-critical pods.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata:
              name: ↓system-important
            value: 2000000000
            """,
            """
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata:
              name: critical-batch
            value: ↓1500000000
            preemptionPolicy: ↓PreemptNever
            """,
        ],
        nonTriggering: [
            """
            apiVersion: scheduling.k8s.io/v1
            kind: PriorityClass
            metadata:
              name: batch-low
            value: -10
            preemptionPolicy: Never
            """,
        ])

    /// The built-in classes: name, value, globalDefault (`systemPriorityClasses`).
    private static let system: [(String, Int64)] = [("system-node-critical", 2_000_001_000), ("system-cluster-critical", 2_000_000_000)]
    private static let userMaximum: Int64 = 1_000_000_000

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.served("PriorityClass", ["scheduling.k8s.io/v1"]) {
            let root = object.node
            let value = root["value"]?.integral ?? 0
            let name = object.nameNode?.text ?? ""
            if name.hasPrefix("system-") {
                let reason: String?
                if let known = Self.system.first(where: { $0.0 == name }) {
                    if known.1 != value {
                        reason = "value of \(name) PriorityClass must be \(known.1)"
                    } else if root["globalDefault"]?.bool == true {
                        reason = "globalDefault of \(name) PriorityClass must be false"
                    } else {
                        reason = nil
                    }
                } else {
                    reason = "\(name) is not a known system priority class"
                }
                if let reason {
                    sink.fieldError(object, at: object.nameNode, path: "metadata.name", .forbidden(
                        "priority class names with 'system-' prefix are reserved for system use only. error: \(reason)"))
                }
            } else if value > Self.userMaximum {
                sink.fieldError(object, at: root["value"], path: "value",
                                .forbidden("maximum allowed value of a user defined priority is \(Self.userMaximum)"))
            }
            SpecChecks.oneOf(root, "preemptionPolicy", ["PreemptLowerPriority", "Never"], object, &sink)
        }
    }
}
