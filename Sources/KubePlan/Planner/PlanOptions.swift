import KubeModel

/// How to plan.
package struct PlanOptions: Sendable {
    /// Seeds the tie-breaker among nodes with the same top score (`--seed`).
    package var seed: UInt64
    /// CronJob next runs are computed after this instant (Unix seconds). Default 2025-01-01T00:00:00Z, a
    /// fixed point so that plans are reproducible; pass the current time for "from now".
    package var referenceTime: Int64
    /// `namespace/name` of a pod to explain (`--explain`).
    package var explain: String?
    /// Pods already running somewhere, by `namespace/name`: they stay on their node with their IP, as on a
    /// live cluster, where an apply never reschedules a running pod. `kubec diff --cluster` pins the new side
    /// to the old side's placements so that it shows what applying the change does, not a fresh cluster.
    package var pinned: [String: PinnedPlacement] = [:]
    /// How many pods the plan makes at most (the cluster's documented limits by default).
    package var limits = ExpansionLimits.default
    /// Called once the workloads are expanded, before the pods are scheduled (`compile` starts its linter
    /// then: expansion has both cores, and the linter the core scheduling leaves free).
    package var afterExpansion: (@Sendable () -> Void)?

    /// The default reference time, 2025-01-01T00:00:00Z.
    package static let defaultReferenceTime: Int64 = 1_735_689_600

    package init(seed: UInt64 = 0, referenceTime: Int64 = PlanOptions.defaultReferenceTime, explain: String? = nil) {
        self.seed = seed
        self.referenceTime = referenceTime
        self.explain = explain
    }
}

/// Where a running pod is: its node and its IPs (primary first).
package struct PinnedPlacement: Sendable, Hashable {
    package var node: String
    package var ips: [IPAddress]
    /// The primary IP.
    package var ip: IPAddress? { ips.first }

    package init(node: String, ip: IPAddress?, ips: [IPAddress]? = nil) {
        self.node = node
        self.ips = ips ?? (ip.map { [$0] } ?? [])
    }
}
