import KubeYAML

/// `batch/v1` CronJob.
package struct CronJob: Sendable, KubeDecodable {
    /// The document root.
    package var node: YAMLNode
    package var metadata: ObjectMeta
    package var spec: CronJobSpec

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.node = node
        metadata = context.metadata(node)
        spec = context.decode(node, "spec") ?? CronJobSpec()
    }
}

/// `CronJobSpec` with the API defaults applied.
package struct CronJobSpec: Sendable, KubeDecodable {
    package var node: YAMLNode?
    /// The cron expression as written (`*/5 * * * *`, `@hourly`).
    package var schedule: String
    package var timeZone: String?
    /// `Allow` (default), `Forbid` or `Replace`.
    package var concurrencyPolicy: String
    package var suspend: Bool
    package var startingDeadlineSeconds: Int?
    /// Default 3.
    package var successfulJobsHistoryLimit: Int
    /// Default 1.
    package var failedJobsHistoryLimit: Int
    /// `jobTemplate.metadata`.
    package var jobMetadata: ObjectMeta
    /// `jobTemplate.spec`.
    package var jobTemplate: JobSpec

    package init() {
        schedule = ""
        concurrencyPolicy = "Allow"
        suspend = false
        successfulJobsHistoryLimit = 3
        failedJobsHistoryLimit = 1
        jobMetadata = ObjectMeta()
        jobTemplate = JobSpec()
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.init()
        self.node = node
        schedule = context.string(node, "schedule") ?? ""
        timeZone = context.string(node, "timeZone")
        concurrencyPolicy = context.string(node, "concurrencyPolicy") ?? "Allow"
        suspend = context.bool(node, "suspend") ?? false
        startingDeadlineSeconds = context.int(node, "startingDeadlineSeconds")
        successfulJobsHistoryLimit = context.int(node, "successfulJobsHistoryLimit") ?? 3
        failedJobsHistoryLimit = context.int(node, "failedJobsHistoryLimit") ?? 1
        if let template = context.mapping(node, "jobTemplate") {
            jobMetadata = context.decode(template, "metadata") ?? ObjectMeta()
            jobTemplate = context.decode(template, "spec") ?? JobSpec()
        }
    }
}
