import KubeModel
import KubeYAML

/// PodDisruptionBudget specs (`ValidatePodDisruptionBudgetSpec`, policy/v1): minAvailable and maxUnavailable
/// exclusive, each a non-negative int or a percent up to 100%, and a known unhealthyPodEvictionPolicy. The
/// selector is `invalid-label-selector`'s.
package struct PodDisruptionBudgetSpecRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-pdb-spec",
        name: "Invalid PodDisruptionBudget Spec",
        summary: "A PDB sets minAvailable or maxUnavailable (not both) as an int or percent, and a known unhealthyPodEvictionPolicy",
        rationale: "The API server refuses the PodDisruptionBudget.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              minAvailable: ↓150%
              ↓maxUnavailable: 1
              selector: {matchLabels: {app: web}}
              unhealthyPodEvictionPolicy: ↓Always
            """,
            """
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              maxUnavailable: ↓one
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
              minAvailable: 50%
              selector: {matchLabels: {app: web}}
              unhealthyPodEvictionPolicy: AlwaysAllow
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.served("PodDisruptionBudget", ["policy/v1"]) {
            guard let spec = object.spec, spec.isMapping else { continue }
            if APIServerChecks.isSet(spec, "minAvailable"), APIServerChecks.isSet(spec, "maxUnavailable") {
                sink.fieldError(object, at: spec.pair(forKey: "maxUnavailable")?.key, path: "spec",
                                .invalid(.raw("{...}"), "minAvailable and maxUnavailable cannot be both set"),
                                hint: "keep one of minAvailable and maxUnavailable")
            }
            SpecChecks.intOrPercent(spec["minAvailable"], max100: true, object, &sink)
            SpecChecks.intOrPercent(spec["maxUnavailable"], max100: true, object, &sink)
            SpecChecks.oneOf(spec, "unhealthyPodEvictionPolicy", ["AlwaysAllow", "IfHealthyBudget"], object, &sink)
        }
    }
}
