import Foundation
import KubeTestSupport
import Testing

/// The exit-code and output contract of CLI.md, checked on the built binary.
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct LintCommandTests {
    private func temporaryFile(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func lintOfTheDemoManifestsExitsZero() throws {
        let run = try KubecProcess.run(["lint", RepositoryPaths.manifests])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("0 errors"))
    }

    @Test func aBrokenFilePrintsPositionAndCaretAndExitsOne() throws {
        let path = try temporaryFile("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\ndata: {}\n")
        let run = try KubecProcess.run(["lint", "--no-color", path])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = try #require(lines.first)
        #expect(header.hasPrefix("\(path):4:5: error:"), "\(header)")
        #expect(header.hasSuffix("[yaml-syntax]"))
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == "^" })
    }

    @Test func aMissingPathExitsTwo() throws {
        let run = try KubecProcess.run(["lint", "/nonexistent/kubec/path.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no such file or directory"))
    }

    @Test func anUnknownFlagExitsTwo() throws {
        let run = try KubecProcess.run(["lint", "--no-such-flag", RepositoryPaths.manifests])
        #expect(run.status == 2)
    }

    @Test func standardInputIsRead() throws {
        let run = try KubecProcess.run(
            ["lint", "--output", "json", "-"], stdin: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n")
        #expect(run.status == 1)
        #expect(run.stdout.contains("\"file\": \"<stdin>\""))
        #expect(run.stdout.contains("\"rule\": \"yaml-duplicate-key\""))
    }

    @Test func noStrictTurnsDuplicateKeysIntoWarnings() throws {
        let path = try temporaryFile("dup.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n")
        let strict = try KubecProcess.run(["lint", path])
        let relaxed = try KubecProcess.run(["lint", "--no-strict", path])
        #expect(strict.status == 1)
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("warning:"))
    }

    @Test func jsonOutputHasTheContractShape() throws {
        let path = try temporaryFile("dup.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n")
        let run = try KubecProcess.run(["lint", "--output", "json", path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first)
        #expect(first["line"] as? Int == 5)
        #expect(first["column"] as? Int == 3)
        #expect((first["object"] as? [String: Any])?["kind"] as? String == "ConfigMap")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 1)
        #expect(summary["documents"] as? Int == 1)
        #expect(summary["errors"] as? Int == 1)
    }

    @Test func versionIsPrinted() throws {
        let run = try KubecProcess.run(["--version"])
        #expect(run.status == 0)
        #expect(!run.stdout.isEmpty)
    }
}

@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct LintPipelineTests {
    @Test func aWrongTypeIsReportedOnceWithTheYAMLExplanation() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-once-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("d.yaml").path
        try """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: x, labels: {enabled: yes}}
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try KubecProcess.run(["lint", "--output", "json", path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let atValue = diagnostics.filter { $0["line"] as? Int == 3 && $0["column"] as? Int == 39 }
        #expect(atValue.count == 1, "\(diagnostics)")
        #expect((atValue.first?["message"] as? String)?.contains("the unquoted yes is a boolean here") == true)
    }

    @Test func schemaAndRulesAndPlanRunTogetherOnTheDemo() throws {
        let run = try KubecProcess.run(["lint", "--output", "json", RepositoryPaths.manifests])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 0)
        #expect(summary["warnings"] as? Int == 0)
    }

    @Test func anUnknownKubernetesVersionIsAUsageError() throws {
        let run = try KubecProcess.run(["lint", "--kubernetes-version", "1.99", RepositoryPaths.manifests])
        #expect(run.status == 2)
    }
}
