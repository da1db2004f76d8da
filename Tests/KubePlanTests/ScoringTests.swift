import KubePlan
import Testing

/// The reference's worked example (§1.7): TaintToleration's weight 3 outweighs LeastAllocated's weight 1.
@Suite struct ScoringTests {
    static let input = node("n1", cpu: "4", memory: "8Gi") + node("n2", cpu: "4", memory: "8Gi", taints: ["dedicated=x:PreferNoSchedule"])
        + pod("busy", cpu: "1", memory: "2Gi", spec: "  nodeName: n1\n") + pod("incoming", cpu: "500m", memory: "1Gi")

    static func explanation() -> Explanation? {
        plan(input, options: PlanOptions(explain: "default/incoming")).explanation
    }

    static func score(_ node: String, _ plugin: String) -> Explanation.ScoreEntry? {
        explanation()?.nodes.first { $0.name == node }?.scores.first { $0.plugin == plugin }
    }

    @Test func taintTolerationWeightBeatsLeastAllocated() {
        let explanation = Self.explanation()
        #expect(explanation?.chosen == "n1")
        #expect(explanation?.nodes.map(\.total) == [462, 187])
    }

    @Test func taintTolerationNormalisesInReverse() {
        #expect(Self.score("n1", "TaintToleration")?.weighted == 300)
        #expect(Self.score("n2", "TaintToleration")?.raw == 1)
        #expect(Self.score("n2", "TaintToleration")?.weighted == 0)
    }

    @Test func leastAllocatedUsesIntegerPercentages() {
        #expect(Self.score("n1", "NodeResourcesFit")?.normalized == 62)
        #expect(Self.score("n2", "NodeResourcesFit")?.normalized == 87)
    }

    @Test func balancedAllocationIsPerfectForEqualFractions() {
        #expect(Self.score("n1", "NodeResourcesBalancedAllocation")?.normalized == 100)
        #expect(Self.score("n2", "NodeResourcesBalancedAllocation")?.normalized == 100)
    }

    @Test func pluginsWithNothingToScoreAreSkipped() {
        #expect(Self.explanation()?.skippedScores == ["NodeAffinity", "PodTopologySpread", "InterPodAffinity"])
    }

    @Test func leastAllocatedCountsDefaultRequestsOfBestEffortPods() {
        let result = plan(node("n1", cpu: "1", memory: "1Gi") + node("n2", cpu: "1", memory: "1Gi")
            + pod("a", spec: "  nodeName: n1\n") + pod("b", cpu: "100m", memory: "100Mi"),
                          options: PlanOptions(explain: "default/b"))
        let n1 = result.explanation?.nodes.first { $0.name == "n1" }?.scores.first { $0.plugin == "NodeResourcesFit" }
        // n1 carries the best-effort pod's 100m / 200Mi defaults: cpu (1000-200)*100/1000 = 80,
        // memory (1024-300)*100/1024 = 70 → 75.
        #expect(n1?.raw == 75)
        #expect(result.node(of: "default/b") == "n2")
    }

    @Test func tiesAreBrokenBySeedDeterministically() {
        let input = node("n1") + node("n2") + node("n3") + node("n4") + pod("p")
        let first = plan(input, options: PlanOptions(seed: 7)).node(of: "default/p")
        let again = plan(input, options: PlanOptions(seed: 7)).node(of: "default/p")
        #expect(first == again)
        let chosen = Set((0..<16).compactMap { plan(input, options: PlanOptions(seed: UInt64($0))).node(of: "default/p") })
        #expect(chosen.count > 1)
    }
}
