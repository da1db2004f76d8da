import Foundation
import KubeTestSupport
import Testing

/// `kubec diff --cluster` on the built binary: exit codes, the compiled section, JSON and `--verbose`.
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct CompiledDiffCommandTests {
    static let cluster = CompiledFixture.root + "/cluster"

    /// A fresh folder holding the given files.
    private func folder(_ files: [(String, String)]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-cdiff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir.path
    }

    private func scaled() throws -> (old: String, new: String) {
        (
            try folder([("shop.yaml", CompiledFixture.app)]),
            try folder([("shop.yaml", CompiledFixture.app(replacing: "replicas: 2", with: "replicas: 3"))])
        )
    }

    @Test func demoAgainstItselfExitsZeroWithExitCode() throws {
        let demo = RepositoryPaths.manifests
        let names = try FileManager.default.contentsOfDirectory(atPath: demo).filter { $0.hasSuffix(".yaml") }
        let texts = names.sorted().map { (try? String(contentsOfFile: demo + "/" + $0, encoding: .utf8)) ?? "" }
        #expect(texts.count > 5 && texts.allSatisfy { !$0.isEmpty })
        let copy = try folder(Array(zip(names.sorted(), texts)))
        // The same documents in one file, in reverse file order: the diff must match objects, not positions.
        let reordered = try folder([("all.yaml", texts.reversed().map { "---\n" + $0 + "\n" }.joined())])
        let run = try KubecProcess.run(["diff", "--exit-code", "--cluster", demo + "/cluster", copy, reordered])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasSuffix("no differences in placement or dataplane\n"))
    }

    @Test func compiledDifferencesAloneExitOneWithExitCode() throws {
        // The ignored Service port change hides the only object difference; the dataplane still changes.
        let old = try folder([("shop.yaml", CompiledFixture.app)])
        let new = try folder([("shop.yaml", CompiledFixture.app(replacing: "port: 80\n", with: "port: 8000\n"))])
        let run = try KubecProcess.run(
            ["diff", "--exit-code", "--ignore", "spec.ports", "--cluster", Self.cluster, old, new])
        #expect(run.status == 1)
        #expect(run.stdout.contains("no object differences"))
        #expect(run.stdout.contains("rules +"))
        let plain = try KubecProcess.run(["diff", "--ignore", "spec.ports", "--cluster", Self.cluster, old, new])
        #expect(plain.status == 0)
    }

    @Test func verboseListsTheRuleLines() throws {
        let (old, new) = try scaled()
        let plain = try KubecProcess.run(["diff", "--cluster", Self.cluster, old, new])
        let verbose = try KubecProcess.run(["diff", "--verbose", "--cluster", Self.cluster, old, new])
        #expect(!plain.stdout.contains("+ -t nat -N KUBE-SEP-"))
        #expect(verbose.stdout.contains("      + -t nat -N KUBE-SEP-"))
    }

    @Test func jsonHasTheCompiledMember() throws {
        let (old, new) = try scaled()
        let run = try KubecProcess.run(["diff", "--output", "json", "--cluster", Self.cluster, old, new])
        #expect(run.stdout.contains("\"compiled\": {"))
        #expect(run.stdout.contains("\"podsAdded\": 1"))
        #expect(run.stdout.contains("\"status\": \"compiled\""))
        #expect(!run.stdout.contains("\"addedLines\""))
    }

    @Test func unreadableClusterExitsTwo() throws {
        let bad = try folder([("nodes.yaml", "apiVersion: v1\nkind: Node\nmetadata: {name: [\n")])
        let app = try folder([("shop.yaml", CompiledFixture.app)])
        let run = try KubecProcess.run(["diff", "--cluster", bad, app, app])
        #expect(run.status == 2)
        #expect(run.stderr.contains("did not find expected node content"), "\(run.stderr)")
    }
}
