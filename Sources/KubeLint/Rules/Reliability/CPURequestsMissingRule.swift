import KubeModel
import KubeYAML

/// Containers without `requests.cpu`.
package struct CPURequestsMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "cpu-requests-missing",
        name: "CPU Requests Missing",
        summary: "A container sets no CPU request (nor a CPU limit, which would default it)",
        rationale: "Without a CPU request the pod is BestEffort or Burstable with no share guaranteed: the scheduler places it as if it used nothing, and under contention it gets the least CPU. Opt-in: `container-resources-missing` already checks it with the memory settings; enable this one to check CPU requests alone.",
        kind: .bestPractice, severity: .warning, enabledByDefault: false, equivalents: .none,
        triggering: [ResourceSettingMissing.triggering(has: "{limits: {memory: 128Mi}}")],
        nonTriggering: [ResourceSettingMissing.complete])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        ResourceSettingMissing.check(.cpuRequest, context, into: &sink)
    }
}
