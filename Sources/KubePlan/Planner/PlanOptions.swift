/// How to plan.
package struct PlanOptions: Sendable {
    /// Seeds the tie-breaker among nodes with the same top score (`--seed`).
    package var seed: UInt64
    /// CronJob next runs are computed after this instant (Unix seconds). Default 2025-01-01T00:00:00Z, a
    /// fixed point so that plans are reproducible; pass the current time for "from now".
    package var referenceTime: Int64
    /// `namespace/name` of a pod to explain (`--explain`).
    package var explain: String?

    /// The default reference time, 2025-01-01T00:00:00Z.
    package static let defaultReferenceTime: Int64 = 1_735_689_600

    package init(seed: UInt64 = 0, referenceTime: Int64 = PlanOptions.defaultReferenceTime, explain: String? = nil) {
        self.seed = seed
        self.referenceTime = referenceTime
        self.explain = explain
    }
}
