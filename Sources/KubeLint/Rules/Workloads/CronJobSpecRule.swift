import KubeModel
import KubeYAML

/// CronJob spec fields other than the schedule: timeZone, concurrencyPolicy, deadlines and history limits.
package struct CronJobSpecRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-cronjob-spec",
        name: "Invalid CronJob Spec",
        summary: "timeZone is an IANA zone, concurrencyPolicy is Allow/Forbid/Replace, limits are non-negative",
        rationale: "The API server rejects the CronJob; `Local` is refused because it would follow the controller manager's zone.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: report
            spec:
              schedule: "0 3 * * *"
              timeZone: ↓Europe/Munich
              concurrencyPolicy: ↓Skip
              successfulJobsHistoryLimit: ↓-1
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: report, image: report:1.0}]
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
              timeZone: Etc/UTC
              concurrencyPolicy: Forbid
              startingDeadlineSeconds: 300
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: report, image: report:1.0}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "CronJob") {
            guard let spec = object.spec, spec.isMapping else { continue }
            SpecChecks.nonNegative(spec, ["startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"],
                                   object, &sink)
            SpecChecks.oneOf(spec, "concurrencyPolicy", ["Allow", "Forbid", "Replace"], object, &sink)
            guard let zone = spec["timeZone"], !zone.isNull, let name = zone.text else { continue }
            if name.isEmpty {
                sink.fieldError(object, at: zone, .invalid(.string(name), "timeZone must be nil or non-empty string"))
                continue
            }
            if name.lowercased() == "local" {
                sink.fieldError(object, at: zone, .invalid(
                    .string(name), "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"))
            } else if let error = TimeZoneCatalog.loadError(name) {
                sink.fieldError(object, at: zone, .invalid(.string(name), error),
                                hint: "use an IANA zone name such as Europe/Berlin or Etc/UTC")
            }
        }
    }
}
