import KubePlan
import Testing

/// The scheduler leaves out filters that pass every node and score plugins that score every node alike; the
/// placements must be those of the full cycle (the `--explain` path runs every plugin).
@Suite struct UniformPluginTests {
    /// Four equal nodes: every replica's choice is a seeded tie-break among nodes the spread plugin ranks.
    static let replicas =
        node("n1") + node("n2") + node("n3") + node("n4")
        + """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        spec:
          replicas: 6
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: main, image: web:1, resources: {requests: {cpu: 100m, memory: 64Mi}}}]
        ---

        """

    @Test func placementsMatchTheFullScoreWhenPluginsAreLeftOut() {
        let fast = plan(Self.replicas)
        for pod in fast.plan.pods {
            let full = plan(Self.replicas, options: PlanOptions(explain: pod.key))
            #expect(full.explanation?.chosen == pod.node, "\(pod.key)")
        }
    }

    @Test func aPreferNoScheduleTaintStillSteersAwayWithoutExplain() {
        // LeastAllocated alone would pick the empty n2; TaintToleration's weight keeps the pod on n1.
        let result = plan(ScoringTests.input)
        #expect(result.node(of: "default/incoming") == "n1")
    }

    @Test func aCordonedNodeIsStillFilteredOut() {
        // LeastAllocated alone would pick the larger, cordoned n2.
        let result = plan(node("n1", cpu: "1") + node("n2", cpu: "8", unschedulable: true) + pod("p", cpu: "100m"))
        #expect(result.node(of: "default/p") == "n1")
    }

    @Test func replicaSuffixHashesTheJoinedOwnerIndexAndAttempt() {
        var value = PodNames.fnv64a("web-abcde/12/3".utf8)
        var expected = ""
        for _ in 0..<5 {
            expected.append(PodNames.alphabet[Int(value % UInt64(PodNames.alphabet.count))])
            value /= UInt64(PodNames.alphabet.count)
        }
        #expect(PodNames.suffix("web-abcde", 12, attempt: 3) == expected)
    }
}
