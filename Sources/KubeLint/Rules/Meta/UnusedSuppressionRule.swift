import KubeYAML

/// A suppression (`kubec.dev/ignore` entry or config exclude) that matched no finding. The engine reports
/// it after applying suppressions (`Suppressions.unused`), so the check itself finds nothing.
package struct UnusedSuppressionRule: Rule {
    package static let description = RuleDescription(
        id: "unused-suppression",
        name: "Unused Suppression",
        summary: "A kubec.dev/ignore entry or config exclude that suppresses nothing",
        rationale: "Stale suppressions hide the next real finding of the same rule; clean them up.",
        kind: .meta, severity: .info,
        triggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              annotations:
                kubec.dev/ignore: ↓invalid-label
            """,
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              annotations:
                kubec.dev/ignore: ↓no-such-rule
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              labels: {"bad key": x}
              annotations:
                kubec.dev/ignore: invalid-label
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {}
}
