import KubeModel
import KubeYAML

/// Containers without `limits.memory`.
package struct MemoryLimitsMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "memory-limits-missing",
        name: "Memory Limits Missing",
        summary: "A container sets no memory limit",
        rationale: "Without a memory limit one leaking container can take the node's memory until the kernel kills something else. Opt-in: `container-resources-missing` already checks it; enable this one to check memory limits alone.",
        kind: .bestPractice, severity: .warning, enabledByDefault: false, equivalents: .none,
        triggering: [ResourceSettingMissing.triggering(has: "{requests: {memory: 64Mi}}")],
        nonTriggering: [ResourceSettingMissing.complete])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        ResourceSettingMissing.check(.memoryLimit, context, into: &sink)
    }
}
