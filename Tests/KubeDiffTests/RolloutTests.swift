import KubeDiff
import Testing

@Suite("Rollouts")
struct RolloutTests {
    /// (old pods, new pods) per row.
    static func pairs(_ steps: [RolloutStep]) -> [[Int]] { steps.map { [$0.oldPods, $0.newPods] } }

    static func strategy(surge: String, unavailable: String) -> String {
        "  strategy:\n    type: RollingUpdate\n    rollingUpdate: {maxSurge: \(surge), maxUnavailable: \(unavailable)}"
    }

    static func plan(old: String, new: String) -> RolloutPlan? {
        DiffFixture.diff(old, new).objects.first?.rollout
    }

    @Test func defaultStrategyIsQuarterSurgeAndQuarterUnavailable() throws {
        let plan = try #require(
            Self.plan(
                old: DiffFixture.deployment(replicas: 4, image: "a:1"),
                new: DiffFixture.deployment(replicas: 4, image: "a:2")))
        #expect(plan.strategy == "RollingUpdate")
        #expect(plan.restarts)
        #expect(plan.maxSurge == .percent(25) && plan.maxUnavailable == .percent(25))
        #expect(plan.resolvedMaxSurge == 1 && plan.resolvedMaxUnavailable == 1)
        #expect(Self.pairs(plan.steps) == [[4, 0], [4, 1], [2, 1], [2, 3], [0, 3], [0, 4]])
    }

    @Test func tenReplicasAtQuarterSurgeRoundsUpAndUnavailableRoundsDown() {
        let (surge, unavailable) = DeploymentRollout.fenceposts(
            maxSurge: .percent(25), maxUnavailable: .percent(25), replicas: 10)
        #expect(surge == 3 && unavailable == 2)
        let steps = DeploymentRollout.rollingSteps(
            oldReplicas: 10, replicas: 10, surge: surge, unavailable: unavailable)
        #expect(Self.pairs(steps) == [[10, 0], [10, 3], [5, 3], [5, 8], [0, 8], [0, 10]])
    }

    @Test(arguments: [
        (IntOrPercent.count(0), IntOrPercent.count(1), 3, 0, 1),
        (.count(1), .count(0), 3, 1, 0),
        (.percent(10), .percent(10), 5, 1, 0),
        (.count(0), .percent(10), 5, 0, 1),
        (.percent(50), .percent(50), 3, 2, 1),
        (.count(0), .count(5), 2, 0, 2),
        (.percent(100), .percent(0), 7, 7, 0),
    ])
    func fencepostsResolveLikeTheController(
        surge: IntOrPercent, unavailable: IntOrPercent, replicas: Int, wantSurge: Int, wantUnavailable: Int
    ) {
        let resolved = DeploymentRollout.fenceposts(maxSurge: surge, maxUnavailable: unavailable, replicas: replicas)
        #expect(resolved.surge == wantSurge)
        #expect(resolved.unavailable == wantUnavailable)
    }

    @Test func zeroSurgeReplacesOneAtATimeBeforeStarting() {
        let steps = DeploymentRollout.rollingSteps(oldReplicas: 3, replicas: 3, surge: 0, unavailable: 1)
        #expect(Self.pairs(steps) == [[3, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2], [0, 3]])
        #expect(steps.allSatisfy { $0.totalPods <= 3 && $0.totalPods >= 2 })
    }

    @Test func zeroUnavailableNeverDropsBelowReplicas() {
        let steps = DeploymentRollout.rollingSteps(oldReplicas: 3, replicas: 3, surge: 1, unavailable: 0)
        #expect(Self.pairs(steps) == [[3, 0], [3, 1], [2, 1], [2, 2], [1, 2], [1, 3], [0, 3]])
        #expect(steps.allSatisfy { $0.totalPods >= 3 && $0.totalPods <= 4 })
    }

    @Test func percentagesInTheManifestAreResolvedAgainstNewReplicas() throws {
        let strategy = Self.strategy(surge: "\"50%\"", unavailable: "\"0%\"")
        let plan = try #require(
            Self.plan(
                old: DiffFixture.deployment(replicas: 4, image: "a:1", strategy: strategy),
                new: DiffFixture.deployment(replicas: 4, image: "a:2", strategy: strategy)))
        #expect(plan.resolvedMaxSurge == 2 && plan.resolvedMaxUnavailable == 0)
        #expect(Self.pairs(plan.steps) == [[4, 0], [4, 2], [2, 2], [2, 4], [0, 4]])
    }

    @Test func replicasChangeWithTemplateChangeScalesTheOldReplicaSetFirst() throws {
        let plan = try #require(
            Self.plan(
                old: DiffFixture.deployment(replicas: 2, image: "a:1"),
                new: DiffFixture.deployment(replicas: 4, image: "a:2")))
        #expect(Self.pairs(plan.steps).prefix(2) == [[2, 0], [4, 0]])
        #expect(plan.steps.last.map { [$0.oldPods, $0.newPods] } == [0, 4])
    }

    @Test func bothBoundsZeroIsRefused() {
        let strategy = Self.strategy(surge: "0", unavailable: "\"0%\"")
        let report = DiffFixture.diff(
            DiffFixture.deployment(image: "a:1", strategy: strategy),
            DiffFixture.deployment(image: "a:2", strategy: strategy))
        #expect(
            DiffFixture.findingMessages(report)
                == [
                    "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"0%\": may not be 0 when `maxSurge` is 0"
                ])
        #expect(report.objects.first?.rollout == nil)
    }

    @Test func percentWithoutPercentSignIsRefused() {
        let strategy = Self.strategy(surge: "\"25\"", unavailable: "1")
        let report = DiffFixture.diff(
            DiffFixture.deployment(image: "a:1", strategy: strategy),
            DiffFixture.deployment(image: "a:2", strategy: strategy))
        #expect(
            DiffFixture.findingMessages(report)
                == [
                    "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"25\": a valid percent string must be a numeric string followed by an ending '%'"
                ])
    }

    @Test func recreateStopsEverythingFirst() throws {
        let strategy = "  strategy: {type: Recreate}"
        let plan = try #require(
            Self.plan(
                old: DiffFixture.deployment(replicas: 3, image: "a:1", strategy: strategy),
                new: DiffFixture.deployment(replicas: 3, image: "a:2", strategy: strategy)))
        #expect(plan.strategy == "Recreate")
        #expect(Self.pairs(plan.steps) == [[3, 0], [0, 0], [0, 3]])
    }

    @Test func replicasOnlyChangeScalesWithoutRestart() throws {
        let plan = try #require(
            Self.plan(old: DiffFixture.deployment(replicas: 2), new: DiffFixture.deployment(replicas: 5)))
        #expect(!plan.restarts)
        #expect(plan.steps.isEmpty)
        #expect(plan.oldReplicas == 2 && plan.newReplicas == 5)
    }

    @Test func metadataOnlyChangeHasNoRollout() {
        let old = DiffFixture.deployment()
        let new = old.replacingOccurrences(of: "  name: web\n", with: "  name: web\n  labels: {team: a}\n")
        let report = DiffFixture.diff(old, new)
        #expect(report.hasDifferences)
        #expect(report.objects.first?.rollout == nil)
    }

    static func statefulSet(image: String, extra: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          replicas: 3
          serviceName: db
        \(extra)
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec: {containers: [{name: db, image: \(image)}]}
        """
    }

    @Test func statefulSetRollsFromTheHighestOrdinal() throws {
        let plan = try #require(Self.plan(old: Self.statefulSet(image: "pg:15"), new: Self.statefulSet(image: "pg:16")))
        #expect(plan.restarts)
        #expect(plan.order == [["db-2"], ["db-1"], ["db-0"]])
    }

    @Test func statefulSetPartitionKeepsLowOrdinalsOnTheOldTemplate() throws {
        let extra = "  updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 2}}"
        let plan = try #require(
            Self.plan(
                old: Self.statefulSet(image: "pg:15", extra: extra), new: Self.statefulSet(image: "pg:16", extra: extra)
            ))
        #expect(plan.order == [["db-2"]])
        #expect(plan.notes.first == "partition 2: pods db-0…db-1 keep the old template")
    }

    @Test func statefulSetOrdinalsStartShiftsNames() {
        #expect(
            StatefulSetRollout.order(name: "db", replicas: 3, start: 5, partition: 0, batch: 2) == [
                ["db-7", "db-6"], ["db-5"],
            ])
    }

    @Test func statefulSetOnDeleteDoesNotRestart() throws {
        let extra = "  updateStrategy: {type: OnDelete}"
        let plan = try #require(
            Self.plan(
                old: Self.statefulSet(image: "pg:15", extra: extra), new: Self.statefulSet(image: "pg:16", extra: extra)
            ))
        #expect(!plan.restarts)
        #expect(plan.order.isEmpty)
    }

    static func daemonSet(image: String, strategy: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent}
        spec:
        \(strategy)
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec: {containers: [{name: agent, image: \(image)}]}
        """
    }

    @Test func daemonSetDefaultsToOneNodeUnavailable() throws {
        let plan = try #require(Self.plan(old: Self.daemonSet(image: "a:1"), new: Self.daemonSet(image: "a:2")))
        #expect(plan.restarts)
        #expect(plan.maxUnavailable == .count(1) && plan.maxSurge == .count(0))
        #expect(plan.summary.contains("old pod is deleted before the new one starts, on at most 1 node at a time"))
    }

    @Test func daemonSetSurgeStartsTheNewPodFirst() throws {
        let strategy = "  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxSurge: \"20%\", maxUnavailable: 0}}"
        let plan = try #require(
            Self.plan(
                old: Self.daemonSet(image: "a:1", strategy: strategy),
                new: Self.daemonSet(image: "a:2", strategy: strategy)))
        #expect(plan.summary.contains("new pod starts beside the old one"))
        #expect(plan.notes.count == 1)
    }

    @Test func daemonSetBothBoundsNonZeroIsRefused() {
        let strategy = "  updateStrategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 1}}"
        let report = DiffFixture.diff(
            Self.daemonSet(image: "a:1", strategy: strategy), Self.daemonSet(image: "a:2", strategy: strategy))
        #expect(
            DiffFixture.findingMessages(report)
                == [
                    "spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero"
                ])
    }

    @Test func daemonSetPercentagesRoundUpPerNode() {
        let resolved = DaemonSetRollout.perNode(maxSurge: .count(0), maxUnavailable: .percent(15), nodes: 10)
        #expect(resolved.unavailable == 2)
        #expect(DaemonSetRollout.perNode(maxSurge: .count(0), maxUnavailable: .percent(0), nodes: 10).unavailable == 1)
    }

    @Test func replicaSetTemplateChangeReplacesNothing() throws {
        let old = DiffFixture.deployment(image: "a:1").replacingOccurrences(
            of: "kind: Deployment", with: "kind: ReplicaSet")
        let new = DiffFixture.deployment(image: "a:2").replacingOccurrences(
            of: "kind: Deployment", with: "kind: ReplicaSet")
        let plan = try #require(Self.plan(old: old, new: new))
        #expect(!plan.restarts)
    }
}

@Suite("Rollouts, special cases")
struct RolloutSpecialCaseTests {
    @Test func pausedDeploymentDoesNotRollOut() throws {
        let paused = "  paused: true"
        let plan = try #require(
            DiffFixture.diff(
                DiffFixture.deployment(image: "a:1", strategy: paused),
                DiffFixture.deployment(image: "a:2", strategy: paused)
            ).objects.first?.rollout)
        #expect(!plan.restarts)
        #expect(plan.steps.isEmpty)
    }
}

@Suite("Autoscaled workloads")
struct AutoscalerCaveatTests {
    static let autoscaler = """

        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 2
          maxReplicas: 10

        """

    @Test func replicasChangeUnderAnAutoscalerIsACaveat() {
        let report = DiffFixture.diff(
            DiffFixture.deployment(replicas: 3) + Self.autoscaler, DiffFixture.deployment(replicas: 5) + Self.autoscaler
        )
        let findings = report.objects.flatMap(\.findings)
        #expect(findings.map(\.rule) == ["diff-update-caveat"])
        #expect(
            findings.first?.message.hasPrefix("spec.replicas changed while HorizontalPodAutoscaler default/web scales")
                == true)
    }

    @Test func removingReplicasUnderAnAutoscalerWarnsOfTheDropToOne() {
        let report = DiffFixture.diff(
            DiffFixture.deployment(replicas: 3) + Self.autoscaler,
            DiffFixture.deployment(replicas: nil) + Self.autoscaler)
        #expect(report.objects.flatMap(\.findings).first?.message.contains("defaults it to 1") == true)
    }

    @Test func replicasChangeWithoutAutoscalerIsNotACaveat() {
        let report = DiffFixture.diff(DiffFixture.deployment(replicas: 3), DiffFixture.deployment(replicas: 5))
        #expect(report.objects.flatMap(\.findings).isEmpty)
    }
}
