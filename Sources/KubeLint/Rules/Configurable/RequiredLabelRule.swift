import KubeModel
import KubeYAML

/// Objects without a label the team requires.
package struct RequiredLabelRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "required-label",
        name: "Required Label",
        summary: "An object lacks a label of `checks.required-labels`, or its value does not match the pattern (default: owner)",
        rationale: "Ownership, cost and routing tools find objects by labels; an object without them is nobody's. Opt-in; giving `checks.required-labels` in .kubec.yaml turns it on.",
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["required-label-owner"]),
        triggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            ↓metadata:
              name: settings
            data: {level: info}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              labels: {owner: payments}
            data: {level: info}
            """,
        ])

    /// The `checks:` settings of the run (`.kubec.yaml`), the defaults until the linter configures the rule.
    var checks = CheckSettings()

    package func configured(by configuration: LintConfiguration) -> RequiredLabelRule {
        var rule = self
        rule.checks = configuration.checks
        return rule
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        MetadataRequirements.checkRequired(checks.requiredLabels, map: "labels", context, into: &sink)
    }
}
