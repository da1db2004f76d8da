import KubeModel
import KubeYAML

/// CronJobs without startingDeadlineSeconds.
package struct CronJobDeadlineMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "cronjob-deadline-missing",
        name: "CronJob Without startingDeadlineSeconds",
        summary: "A CronJob does not set spec.startingDeadlineSeconds",
        rationale: "Without a deadline the controller counts every schedule missed since the last run (controller down, CronJob suspended); past 100 it stops starting the CronJob and only logs an error. A deadline bounds the count and skips runs that are too late to be useful.",
        kind: .bestPractice, severity: .info,
        equivalents: RuleEquivalents(kubeScore: ["cronjob-has-deadline"]),
        triggering: [
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly
            ↓spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: run, image: run:1.0}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly
            spec:
              schedule: "0 3 * * *"
              startingDeadlineSeconds: 600
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: run, image: run:1.0}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "CronJob") {
            guard case .cronJob(let cronJob) = object.kubeObject, cronJob.spec.startingDeadlineSeconds == nil,
                  let spec = object.node.pair(forKey: "spec") else { continue }
            sink.report(object, at: spec.key, "the CronJob sets no startingDeadlineSeconds",
                        hint: "set spec.startingDeadlineSeconds (a few minutes for frequent schedules)")
        }
    }
}
