import KubeModel
import KubeYAML

/// Containers without `requests.memory`.
package struct MemoryRequestsMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "memory-requests-missing",
        name: "Memory Requests Missing",
        summary: "A container sets no memory request (nor a memory limit, which would default it)",
        rationale: "Without a memory request the scheduler may place the pod on a node that cannot hold it, and it is among the first the kubelet evicts under memory pressure. Opt-in: `container-resources-missing` already checks it; enable this one to check memory requests alone.",
        kind: .bestPractice, severity: .warning, enabledByDefault: false, equivalents: .none,
        triggering: [ResourceSettingMissing.triggering(has: "{limits: {cpu: \"1\"}}")],
        nonTriggering: [ResourceSettingMissing.complete])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        ResourceSettingMissing.check(.memoryRequest, context, into: &sink)
    }
}
