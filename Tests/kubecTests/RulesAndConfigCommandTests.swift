import Foundation
import KubeTestSupport
import Testing

/// `kubec rules`, lint's reporters beyond text/json, `.kubec.yaml` discovery and `--fail-on`, on the binary.
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct RulesAndConfigCommandTests {
    private func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-cfg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    private let latest = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {runAsNonRoot: true, runAsUser: 1000}
          containers:
          - name: web
            image: nginx:latest
            resources: {requests: {cpu: 10m, memory: 10Mi}, limits: {memory: 20Mi}}
        """

    @Test func rulesListsEveryRuleWithSeverity() throws {
        let run = try KubecProcess.run(["rules"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("workload-selector-mismatch"))
        #expect(run.stdout.contains("invalid-cronjob-schedule"))
    }

    @Test func rulesJSONCarriesExamples() throws {
        let run = try KubecProcess.run(["rules", "--output", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rules = try #require(json["rules"] as? [[String: Any]])
        let first = try #require(rules.first)
        let examples = try #require(first["examples"] as? [String: Any])
        #expect((examples["triggering"] as? [String])?.isEmpty == false)
    }

    @Test func warningsPassByDefaultAndFailWithFailOnWarning() throws {
        let dir = try folder(["pod.yaml": latest])
        #expect(try KubecProcess.run(["lint", "pod.yaml"], directory: dir).status == 0)
        #expect(try KubecProcess.run(["lint", "--fail-on", "warning", "pod.yaml"], directory: dir).status == 1)
    }

    @Test func theConfigInTheCurrentFolderIsRead() throws {
        let dir = try folder(["pod.yaml": latest, ".kubec.yaml": "rules:\n  image-tag-latest: error\n"])
        let run = try KubecProcess.run(["lint", "pod.yaml"], directory: dir)
        #expect(run.status == 1)
        #expect(run.stdout.contains("error: image \"nginx:latest\" uses the tag latest"))
    }

    @Test func disableDropsTheRule() throws {
        let dir = try folder(["pod.yaml": latest])
        let run = try KubecProcess.run(["lint", "--disable", "image-tag-latest", "--fail-on", "warning", "pod.yaml"], directory: dir)
        #expect(run.status == 0, "\(run.stdout)")
    }

    @Test func aBrokenConfigExitsTwoWithItsPosition() throws {
        let dir = try folder(["pod.yaml": latest, "bad.yaml": "rules:\n  image-tag-latest: loud\n"])
        let run = try KubecProcess.run(["lint", "--config", "bad.yaml", "pod.yaml"], directory: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("bad.yaml:2:21: error:"))
    }

    @Test func sarifAndJUnitOutputsAreProduced() throws {
        let dir = try folder(["pod.yaml": latest])
        let sarif = try KubecProcess.run(["lint", "--output", "sarif", "pod.yaml"], directory: dir)
        #expect(sarif.stdout.contains("\"version\": \"2.1.0\""))
        let junit = try KubecProcess.run(["lint", "--output", "junit", "pod.yaml"], directory: dir)
        #expect(junit.stdout.hasPrefix("<?xml"))
    }
}
