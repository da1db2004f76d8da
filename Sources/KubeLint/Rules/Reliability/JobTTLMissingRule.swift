import KubeModel
import KubeYAML

/// Jobs that stay in the cluster forever once finished.
package struct JobTTLMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "job-ttl-missing",
        name: "Job Without ttlSecondsAfterFinished",
        summary: "A Job (not made by a CronJob) does not set spec.ttlSecondsAfterFinished",
        rationale: "Finished Jobs and their pods stay until someone deletes them, piling up in etcd and in `kubectl get pods`. CronJobs are skipped: their history limits clean up.",
        kind: .bestPractice, severity: .info,
        equivalents: RuleEquivalents(kubeLinter: ["job-ttl-seconds-after-finished"]),
        triggering: [
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
            ↓spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: migrate, image: migrate:1.0}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: migrate
            spec:
              ttlSecondsAfterFinished: 3600
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: migrate, image: migrate:1.0}]
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: nightly-28911
              ownerReferences: [{apiVersion: batch/v1, kind: CronJob, name: nightly, uid: 0c1d}]
            spec:
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: run, image: run:1.0}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "Job") {
            guard case .job(let job) = object.kubeObject, job.spec.ttlSecondsAfterFinished == nil,
                  !job.metadata.ownerReferences.contains(where: { $0.kind == "CronJob" }),
                  let spec = object.node.pair(forKey: "spec") else { continue }
            sink.report(object, at: spec.key, "the Job sets no ttlSecondsAfterFinished: it stays after it finishes",
                        hint: "set spec.ttlSecondsAfterFinished (for example 86400)")
        }
    }
}
