import KubeModel
import KubeYAML

/// Objects without an annotation the team requires.
package struct RequiredAnnotationRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "required-annotation",
        name: "Required Annotation",
        summary: "An object lacks an annotation of `checks.required-annotations`, or its value does not match the pattern (default: email, an address)",
        rationale: "Contact and runbook annotations are what an on-call engineer reads at 3 a.m. Opt-in; giving `checks.required-annotations` in .kubec.yaml turns it on.",
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["required-annotation-email"]),
        triggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              annotations: {email: ↓payments-team}
            data: {level: info}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              annotations: {email: payments@example.com}
            data: {level: info}
            """,
        ])

    /// The `checks:` settings of the run (`.kubec.yaml`), the defaults until the linter configures the rule.
    var checks = CheckSettings()

    package func configured(by configuration: LintConfiguration) -> RequiredAnnotationRule {
        var rule = self
        rule.checks = configuration.checks
        return rule
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        MetadataRequirements.checkRequired(checks.requiredAnnotations, map: "annotations", context, into: &sink)
    }
}
