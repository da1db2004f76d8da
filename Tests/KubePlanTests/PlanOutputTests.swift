import Foundation
import KubeModel
import KubePlan
import KubeTestSupport
import KubeYAML
import Testing

@Suite struct PlanOutputTests {
    static let impossible = RepositoryPaths.fixture("KubePlanTests", "impossible")
    static let expectedMessage =
        "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. "
        + "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, "
        + "2 No preemption victims found for incoming pod."

    static func load(_ paths: [String]) -> ManifestSet {
        ManifestSet.decode(YAMLLoader.load(InputCollector.collect(paths).inputs))
    }

    @Test func impossiblePodGetsKubeSchedulersExactMessage() {
        let result = Planner.plan(Self.load([Self.impossible]))
        #expect(result.message(of: "jobs/greedy") == Self.expectedMessage)
    }

    @Test func unschedulablePodBecomesALintFindingAtItsManifest() throws {
        let result = Planner.plan(Self.load([Self.impossible]))
        let findings = PlanFindings.unschedulable(result.plan)
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.rule == "pod-unschedulable")
        #expect(finding.range?.file.hasSuffix("workloads.yaml") == true)
        #expect(finding.range?.start.line == 21)
        #expect(finding.object?.name == "greedy")
    }

    @Test func demoManifestsPlaceEveryPod() {
        let result = Planner.plan(Self.load([RepositoryPaths.manifests]))
        #expect(result.plan.pods.count == 12)
        #expect(result.plan.unschedulable.isEmpty, "\(result.plan.unschedulable.map(\.message))")
        let zookeeper = result.plan.pods.filter { $0.owner?.name == "zk" }.compactMap(\.node)
        #expect(Set(zookeeper) == ["worker-1", "worker-2", "worker-3"])
        #expect(result.plan.cronJobs.first?.nextRuns.count == 3)
    }

    @Test func outputIsIdenticalAcrossRunsAndFileOrders() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.manifests)
            .filter { $0.hasSuffix(".yaml") }.sorted().map { RepositoryPaths.manifests + "/" + $0 }
        let cluster = RepositoryPaths.manifests + "/cluster"
        let forward = PlanJSONRenderer.render(Planner.plan(Self.load(files + [cluster])))
        let again = PlanJSONRenderer.render(Planner.plan(Self.load(files + [cluster])))
        let reversed = PlanJSONRenderer.render(Planner.plan(Self.load([cluster] + files.reversed())))
        #expect(forward == again)
        #expect(forward == reversed)
    }

    @Test func jsonHasTheShapeOfCLIMD() throws {
        let text = PlanJSONRenderer.render(Planner.plan(Self.load([Self.impossible])))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(object.keys).isSuperset(of: ["pods", "unschedulable", "nodes"]))
        let pods = try #require(object["pods"] as? [[String: Any]])
        let greedy = try #require(pods.first { $0["name"] as? String == "greedy" })
        #expect(greedy["node"] is NSNull)
        let nodes = try #require(object["nodes"] as? [[String: Any]])
        let worker = try #require(nodes.first { $0["name"] as? String == "worker-1" })
        #expect((worker["requested"] as? [String: String])?["cpu"] == "2")
        #expect((worker["allocatable"] as? [String: String]) == ["cpu": "4", "memory": "16Gi", "pods": "110"])
    }

    @Test(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "needs the kubec binary: swift build"))
    func planCommandPrintsTheMessageAndFails() throws {
        let run = try KubecProcess.run(["plan", Self.impossible])
        #expect(run.status == 1)
        #expect(run.stdout.contains("jobs/greedy: " + Self.expectedMessage))
    }

    @Test(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "needs the kubec binary: swift build"))
    func planCommandPlacesTheDemo() throws {
        let run = try KubecProcess.run(["plan", RepositoryPaths.manifests])
        #expect(run.status == 0)
        #expect(run.stdout.contains("12 pods: 12 placed, 0 unschedulable on 4 nodes"))
    }
}
