import Foundation
import KubeTestSupport
import Testing

/// `kubec compile`: the output layout of CLI.md, nothing written on errors, byte-identical whatever the order.
@Suite(.enabled(if: KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct CompileCommandTests {
    private func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-compile-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    private func contents(of directory: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: directory)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = directory + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return result
    }

    @Test func theDemoCompilesIntoTheDocumentedLayout() throws {
        let out = try temporaryDirectory() + "/out"
        let run = try KubecProcess.run(["compile", RepositoryPaths.manifests, "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        let files = Set(try contents(of: out).keys)
        for expected in ["placement.txt", "placement.json", "ingress/nginx.conf", "dns/cluster.local.zone"] {
            #expect(files.contains(expected), "\(expected)")
        }
        for node in ["cp-1", "worker-1", "worker-2", "worker-3"] {
            for name in ["iptables.rules", "ipvs.rules", "ipset.rules", "ipvs-iptables.rules", "ipvs-setup.sh",
                         "policy.rules", "policy.ipset"] {
                #expect(files.contains("nodes/\(node)/\(name)"), "nodes/\(node)/\(name)")
            }
        }
        #expect(!files.contains { $0.contains("kubec-tmp") })
    }

    @Test func outputsAreByteIdenticalWhateverTheFileOrder() throws {
        let root = try temporaryDirectory()
        let manifests = try FileManager.default.contentsOfDirectory(atPath: RepositoryPaths.manifests)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        // The same documents, in other files and another order.
        var reversed = ""
        for name in manifests.reversed() {
            reversed += "---\n" + (try String(contentsOfFile: RepositoryPaths.manifests + "/" + name, encoding: .utf8)) + "\n"
        }
        try FileManager.default.createDirectory(atPath: root + "/shuffled", withIntermediateDirectories: true)
        try reversed.write(toFile: root + "/shuffled/all.yaml", atomically: true, encoding: .utf8)
        let first = try KubecProcess.run(["compile", RepositoryPaths.manifests, "-o", root + "/a"])
        let second = try KubecProcess.run(["compile", RepositoryPaths.manifests + "/cluster", root + "/shuffled", "-o", root + "/b"])
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        let a = try contents(of: root + "/a")
        let b = try contents(of: root + "/b")
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a {
            #expect(b[path] == data, "\(path) differs with another file order")
        }
    }

    @Test func errorsStopCompilationAndNothingIsWritten() throws {
        let root = try temporaryDirectory()
        let bad = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec:\n  replicas: \"3\"\n"
        try bad.write(toFile: root + "/bad.yaml", atomically: true, encoding: .utf8)
        let run = try KubecProcess.run(["compile", root + "/bad.yaml", "-o", root + "/out"])
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: root + "/out"))
        let forced = try KubecProcess.run(["compile", "--force", root + "/bad.yaml", "-o", root + "/out"])
        #expect(forced.status == 1)
        #expect(FileManager.default.fileExists(atPath: root + "/out/placement.json"))
    }

    @Test func anUnknownNodeIsAUsageError() throws {
        let root = try temporaryDirectory()
        let run = try KubecProcess.run(["compile", RepositoryPaths.manifests, "--node", "nope", "-o", root + "/out"])
        #expect(run.status == 2)
    }

    @Test func theNodeFilterLimitsPerNodeOutputs() throws {
        let out = try temporaryDirectory() + "/out"
        let run = try KubecProcess.run(["compile", RepositoryPaths.manifests, "--node", "worker-1", "--proxy-mode", "iptables", "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        let files = Set(try contents(of: out).keys)
        #expect(files.contains("nodes/worker-1/iptables.rules"))
        #expect(!files.contains("nodes/worker-2/iptables.rules"))
        #expect(!files.contains("nodes/worker-1/ipvs.rules"))
    }
}
