import KubeModel
import KubeYAML

/// One pod a workload will create, before placement.
package struct PlannedPod: Sendable {
    package var namespace: String
    package var name: String
    /// The workload the user wrote (`Deployment web`, not its ReplicaSet).
    package var owner: OwnerReference?
    /// The workload's identity and position, where findings about this pod point.
    package var object: ObjectIdentity?
    package var source: SourceRange?
    package var hostname: String?
    package var subdomain: String?
    package var hostNetwork: Bool
    package var ports: [PodPort]
    /// `spec.nodeName` as written: the pod bypasses the scheduler.
    package var boundNode: String?
    package var spec: SchedulingSpec
    /// Sort key after priority: workload order, then replica index.
    package var queueOrder: Int = 0

    /// `namespace/name`.
    package var key: String { "\(namespace)/\(name)" }
}

/// What expansion produces: pods, CronJob schedules, and findings.
package struct ExpansionResult: Sendable {
    package var pods: [PlannedPod] = []
    package var cronJobs: [CronJobPlan] = []
    package var diagnostics: [Diagnostic] = []
}

/// A CronJob's next run times (it makes no pods until its schedule fires).
package struct CronJobPlan: Sendable, Hashable {
    package var namespace: String
    package var name: String
    package var schedule: String
    /// `spec.timeZone`, or nil for UTC (kubec's stand-in for the controller manager's local zone).
    package var timeZone: String?
    package var suspended: Bool
    /// The next runs as Unix seconds (UTC), after the plan's reference time; empty when the schedule is invalid.
    package var nextRuns: [Int64]
    /// Why no runs could be computed (an invalid schedule or unknown time zone); lint reports it as a finding.
    package var problem: String?
    /// The Job names those runs create: `<cronjob>-<scheduled time in Unix minutes>`.
    package var jobNames: [String] { nextRuns.map { "\(name)-\($0 / 60)" } }
}
