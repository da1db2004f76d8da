import KubeModel
import KubeYAML

/// Objects carrying an annotation that must not be in a manifest.
package struct ForbiddenAnnotationRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "forbidden-annotation",
        name: "Forbidden Annotation",
        summary: "An object carries an annotation of `checks.forbidden-annotations` (default: those the cluster writes itself)",
        rationale: "By default kubec forbids `kubectl.kubernetes.io/last-applied-configuration` and `deployment.kubernetes.io/revision`: written by kubectl and the Deployment controller, in a manifest they mean it was copied from `kubectl get -o yaml` with stale state (an old last-applied makes the next apply delete fields). Configure your own list in .kubec.yaml.",
        kind: .bestPractice, severity: .warning,
        triggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              annotations:
                ↓kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"v1","kind":"ConfigMap"}'
            data: {level: info}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              annotations: {owner: payments}
            data: {level: info}
            """,
        ])

    /// The `checks:` settings of the run (`.kubec.yaml`), the defaults until the linter configures the rule.
    var checks = CheckSettings()

    package func configured(by configuration: LintConfiguration) -> ForbiddenAnnotationRule {
        var rule = self
        rule.checks = configuration.checks
        return rule
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        MetadataRequirements.checkForbidden(checks.forbiddenAnnotations, context, into: &sink)
    }
}
