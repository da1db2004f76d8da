import KubeModel
import KubeYAML

/// Containers without `limits.cpu`.
package struct CPULimitsMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "cpu-limits-missing",
        name: "CPU Limits Missing",
        summary: "A container sets no CPU limit",
        rationale: "A CPU limit caps a runaway process. Opt-in (kube-score has `--ignore-container-cpu-limit` for the same reason): CPU limits throttle latency-sensitive services even when the node is idle, and many operators deliberately set requests only.",
        kind: .bestPractice, severity: .warning, enabledByDefault: false, equivalents: RuleEquivalents(polaris: ["cpuLimitsMissing"], checkov: ["CKV_K8S_11"]),
        triggering: [ResourceSettingMissing.triggering(has: "{requests: {cpu: 100m}}")],
        nonTriggering: [ResourceSettingMissing.complete])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        ResourceSettingMissing.check(.cpuLimit, context, into: &sink)
    }
}
