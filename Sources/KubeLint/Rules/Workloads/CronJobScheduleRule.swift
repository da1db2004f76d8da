import KubeModel
import KubeYAML

/// CronJob `spec.schedule`, parsed exactly as the API server parses it (robfig/cron v3 `ParseStandard`), and
/// no `TZ=`/`CRON_TZ=` in it.
package struct CronJobScheduleRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-cronjob-schedule",
        name: "Invalid CronJob Schedule",
        summary: "The schedule is a 5-field cron expression or an @-descriptor, without TZ= (use timeZone)",
        rationale: "The API server rejects the CronJob with robfig/cron's error; six-field (seconds) and Quartz-style schedules copied from other tools are the usual cause.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: cleanup
            spec:
              schedule: ↓"* * /1 * * * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: cleanup, image: cleanup:1.0}]
            """,
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: cleanup
            spec:
              schedule: ↓"CRON_TZ=Europe/Berlin 0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: cleanup, image: cleanup:1.0}]
            """,
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: cleanup
            spec:
              schedule: ↓"0 24 * * MON-FRI"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: cleanup, image: cleanup:1.0}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: cleanup
            spec:
              schedule: "*/15 9-17 ? jan-jun mon,wed,FRI"
              timeZone: Europe/Berlin
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: cleanup, image: cleanup:1.0}]
            """,
            """
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: hourly
            spec:
              schedule: "@hourly"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers: [{name: cleanup, image: cleanup:1.0}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "CronJob") {
            guard let spec = object.spec, spec.isMapping else { continue }
            guard let node = spec["schedule"], let schedule = node.text, !node.isNull, !schedule.isEmpty else {
                sink.fieldError(object, at: spec["schedule"] ?? object.node.pair(forKey: "spec")?.key,
                                pathOf: spec["schedule"] ?? spec, missingKey: spec["schedule"] == nil ? "schedule" : nil,
                                .required(""))
                continue
            }
            if let error = CronSchedule.validate(schedule) {
                sink.fieldError(object, at: node, .invalid(.string(schedule), error),
                                hint: "five fields: minute hour day-of-month month day-of-week, e.g. \"*/5 * * * *\"")
            }
            if schedule.contains("TZ") {
                sink.fieldError(object, at: node, .invalid(
                    .string(schedule), "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"))
            }
        }
    }
}
