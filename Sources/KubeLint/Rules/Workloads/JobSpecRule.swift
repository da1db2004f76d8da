import KubeModel
import KubeYAML

/// Job specs (and CronJob job templates): non-negative counts and deadlines, completionMode, Indexed Jobs
/// with completions.
package struct JobSpecRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-job-spec",
        name: "Invalid Job Spec",
        summary: "Job counts and deadlines are non-negative; Indexed Jobs set completions",
        rationale: "The API server rejects the Job (or the CronJob, whose template is validated the same way).",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: index
            spec:
              ↓completionMode: Indexed
              parallelism: ↓-2
              backoffLimit: ↓-1
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: index, image: indexer:1.0}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: index
            spec:
              completionMode: Indexed
              completions: 5
              parallelism: 2
              backoffLimit: 3
              activeDeadlineSeconds: 600
              template:
                spec:
                  restartPolicy: Never
                  containers: [{name: index, image: indexer:1.0}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "Job") {
            check(object.spec, object, &sink)
        }
        for object in context.objects(ofKind: "CronJob") {
            check(object.spec?["jobTemplate"]?["spec"], object, &sink)
        }
    }

    private func check(_ spec: YAMLNode?, _ object: ObjectRef, _ sink: inout FindingSink) {
        guard let spec, spec.isMapping else { return }
        SpecChecks.nonNegative(spec, [
            "parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished",
            "backoffLimitPerIndex", "maxFailedIndexes",
        ], object, &sink)
        SpecChecks.oneOf(spec, "completionMode", ["NonIndexed", "Indexed"], object, &sink)
        if spec["completionMode"]?.text == "Indexed", spec["completions"]?.integer == nil {
            sink.fieldError(object, at: spec.pair(forKey: "completionMode")?.key, pathOf: spec, missingKey: "completions",
                            .required("when completion mode is Indexed"))
        }
        if let maxFailed = spec["maxFailedIndexes"], !maxFailed.isNull, spec["backoffLimitPerIndex"] == nil {
            sink.fieldError(object, at: maxFailed, .required("requires specifying `backoffLimitPerIndex`"))
        }
    }
}
