import Foundation
import KubeTestSupport
import Testing

/// `kubec diff`'s exit codes and flags (CLI.md), checked on the built binary.
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct DiffCommandTests {
    static let old = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n"
    static let new = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: w}\n"

    private func temporaryFile(_ name: String, _ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func sameInputsExitZeroWithExitCode() throws {
        let path = try temporaryFile("a.yaml", Self.old)
        let run = try KubecProcess.run(["diff", "--exit-code", path, path])
        #expect(run.status == 0)
        #expect(run.stdout == "no differences (1 object compared)\n")
    }

    @Test func differencesExitOneOnlyWithExitCode() throws {
        let old = try temporaryFile("old.yaml", Self.old)
        let new = try temporaryFile("new.yaml", Self.new)
        #expect(try KubecProcess.run(["diff", "--exit-code", old, new]).status == 1)
        let plain = try KubecProcess.run(["diff", old, new])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("~ data.k: \"v\" → \"w\""))
    }

    @Test func ignoreHidesTheOnlyDifference() throws {
        let old = try temporaryFile("old.yaml", Self.old)
        let new = try temporaryFile("new.yaml", Self.new)
        #expect(try KubecProcess.run(["diff", "--exit-code", "--ignore", "data.k", old, new]).status == 0)
    }

    @Test func jsonOutputIsTheReport() throws {
        let old = try temporaryFile("old.yaml", Self.old)
        let run = try KubecProcess.run(["diff", "--output", "json", old, "-"], stdin: Self.new)
        #expect(run.status == 0)
        #expect(run.stdout.contains("\"path\": \"data.k\""))
        #expect(run.stdout.contains("\"different\": true"))
    }

    @Test func missingPathMalformedIgnoreAndTwoStdinsExitTwo() throws {
        let old = try temporaryFile("old.yaml", Self.old)
        #expect(try KubecProcess.run(["diff", old, "/nonexistent/kubec/new.yaml"]).status == 2)
        #expect(try KubecProcess.run(["diff", "--ignore", "spec[", old, old]).status == 2)
        #expect(try KubecProcess.run(["diff", "-", "-"], stdin: "").status == 2)
        #expect(try KubecProcess.run(["diff", "--output", "yaml", old, old]).status == 2)
    }

    @Test func clusterCompilesBothSides() throws {
        let old = try temporaryFile("old.yaml", Self.old)
        let run = try KubecProcess.run(["diff", "--exit-code", "--cluster", old, old, old])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("no differences in placement or dataplane\n"))
    }
}
