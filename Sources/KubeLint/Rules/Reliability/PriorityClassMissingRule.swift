import KubeModel
import KubeYAML

/// Pod templates without a priorityClassName.
package struct PriorityClassMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "priority-class-missing",
        name: "Priority Class Missing",
        summary: "A pod template of a long-running workload sets no priorityClassName",
        rationale: "Without one the pods have priority 0 (or the cluster's global default), so under pressure the scheduler may preempt them for batch work and the kubelet evicts them in no chosen order. Opt-in: it only means something in clusters that define PriorityClasses.",
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["priority-class-name"], polaris: ["priorityClassNotSet"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            ↓spec:
              containers: [{name: web, image: nginx:1.27}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              priorityClassName: business-critical
              containers: [{name: web, image: nginx:1.27}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods where WorkloadFacts.isLongRunning(entry.entry) {
            guard entry.template.spec.priorityClassName == nil else { continue }
            sink.report(entry.ref, at: DNSConfigNdotsRule.specKey(of: entry),
                        "the pods set no priorityClassName", hint: "set spec.priorityClassName to one of the cluster's PriorityClasses")
        }
    }
}
