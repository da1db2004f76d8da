import KubeDiff
import KubeTestSupport
import KubeYAML
import Testing

/// What the diff says when it cannot see everything, when nothing will happen, and how it counts.
@Suite("Honest results")
struct HonestResultsTests {
    static func anonymous(_ replicas: Int) -> String {
        "kind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: \(replicas)\n"
    }

    @Test func documentWithoutAPIVersionMakesTheComparisonIncomplete() {
        let report = DiffFixture.diff(Self.anonymous(1), Self.anonymous(5))
        #expect(report.hasInputErrors)
        #expect(report.exitStatus(exitCode: true) == 2)
        #expect(report.exitStatus(exitCode: false) == 2)
    }

    @Test func incompleteComparisonNeverSaysNoDifferences() {
        let text = DiffTextRenderer().render(DiffFixture.diff(Self.anonymous(1), Self.anonymous(5)))
        #expect(!text.contains("no differences ("))
        #expect(
            text.hasSuffix(
                "comparison incomplete: 2 input errors above; no object differences among the rest (0 objects compared)\n"
            ))
    }

    @Test func refusedUpdateHasNoRollout() throws {
        let report = DiffFixture.diff(
            DiffFixture.deployment(image: "a:1", app: "web"), DiffFixture.deployment(image: "a:2", app: "web2"))
        let object = try #require(report.objects.first)
        #expect(object.findings.contains { $0.severity == .error })
        #expect(object.rollout == nil)
        #expect(report.summary.restarts == 0)
    }

    @Test func oneWorkloadRollsOut() {
        let text = DiffTextRenderer().render(
            DiffFixture.diff(DiffFixture.deployment(image: "a:1"), DiffFixture.deployment(image: "a:2")))
        #expect(text.contains("; 1 workload rolls out"))
    }

    @Test func recreateOfOnePodSaysThePod() {
        let strategy = "  strategy: {type: Recreate}"
        let report = DiffFixture.diff(
            DiffFixture.deployment(replicas: 1, image: "a:1", strategy: strategy),
            DiffFixture.deployment(replicas: 1, image: "a:2", strategy: strategy))
        #expect(
            report.objects.first?.rollout?.summary
                == "pod template changed: the old pod is deleted before 1 new pod starts (downtime)")
    }

    @Test func kindsWithoutAStrategySayRolloutWithoutNone() {
        let replicaSet = { (image: String) in
            "apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: rs}\nspec:\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers: [{name: c, image: \(image)}]\n"
        }
        let text = DiffTextRenderer().render(DiffFixture.diff(replicaSet("x:1"), replicaSet("x:2")))
        #expect(text.contains("  rollout: pod template changed, but a ReplicaSet"))
        #expect(!text.contains("(None)"))
    }
}
