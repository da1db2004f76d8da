import Foundation
import KubeTestSupport
import Testing

/// `compile` writes its files into a new tree beside `-o DIR` while it runs: a run stopped by its findings
/// leaves nothing behind, not even the folders it made to hold that tree.
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct CompileStagingTests {
    private func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-staging-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aStoppedRunLeavesNoFolderItMade() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let bad = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicas: \"3\"\n"
        try bad.write(toFile: root + "/bad.yaml", atomically: true, encoding: .utf8)
        let run = try KubecProcess.run(["compile", root + "/bad.yaml", "-o", root + "/new/deeper/out"])
        #expect(run.status == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["bad.yaml"])
    }

    @Test func aFinishedRunLeavesOnlyTheTreeAndItsLock() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let run = try KubecProcess.run(["compile", RepositoryPaths.manifests, "-o", root + "/new/out"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/new").sorted() == [".out.kubec-lock", "out"])
        #expect(FileManager.default.fileExists(atPath: root + "/new/out/placement.json"))
    }
}
