import KubeModel
import KubeYAML

/// Pod template `restartPolicy`: `Always` for Deployments, ReplicaSets, StatefulSets and DaemonSets;
/// `OnFailure` or `Never` for Jobs and CronJobs (which must set it: the default `Always` is refused).
package struct RestartPolicyRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-restart-policy",
        name: "Invalid Restart Policy",
        summary: "apps/v1 templates restart Always; Job and CronJob templates must set OnFailure or Never",
        rationale: "The API server rejects the object; a Job copied from a Deployment usually lacks restartPolicy.",
        kind: .apiServer, severity: .error,
        equivalents: RuleEquivalents(kubeLinter: ["restart-policy"]),
        triggering: [
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
            spec:
              template:
                ↓spec:
                  containers: [{name: migrate, image: migrate:1.0}]
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  restartPolicy: ↓OnFailure
                  containers: [{name: web, image: nginx:1.27}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: report
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: report, image: report:1.0}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            guard let templateNode = entry.template.node, let spec = templateNode["spec"], spec.isMapping else { continue }
            let policyNode = spec["restartPolicy"]
            let policy = policyNode?.text ?? ""
            switch entry.kind {
            case .deployment, .replicaSet, .statefulSet, .daemonSet:
                if let policyNode, !policy.isEmpty, policy != "Always" {
                    sink.fieldError(entry.ref, at: policyNode, .unsupported(.string(policy), ["Always"]))
                }
            case .job, .cronJob:
                if policy != "OnFailure", policy != "Never" {
                    let anchor = policyNode ?? templateNode.pair(forKey: "spec")?.key ?? spec
                    sink.fieldError(entry.ref, at: anchor, pathOf: policyNode ?? spec,
                                    missingKey: policyNode == nil ? "restartPolicy" : nil,
                                    .required("valid values: \"OnFailure\", \"Never\""),
                                    hint: "set restartPolicy: OnFailure (retry in place) or Never (new pod per retry)")
                }
            case .pod:
                if let policyNode, !["Always", "OnFailure", "Never"].contains(policy) {
                    sink.fieldError(entry.ref, at: policyNode, .unsupported(.string(policy), ["Always", "OnFailure", "Never"]))
                }
            }
        }
    }
}
