import Foundation
import KubeTestSupport
import Testing

/// `kubec compile -o DIR` replaces DIR as a whole: exactly this input's files, the previous tree untouched on
/// failure, one complete tree after concurrent runs, and never a folder kubec did not write.
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct CompileOutputTreeTests {
    static func cluster(nodes: [String]) -> String {
        var text = ""
        for (index, node) in nodes.enumerated() {
            text += """
                apiVersion: v1
                kind: Node
                metadata: {name: \(node), labels: {kubernetes.io/hostname: \(node)}}
                spec: {podCIDR: 10.244.\(index + 1).0/24}
                status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}, addresses: [{type: InternalIP, address: 192.168.1.\(index + 11)}]}
                ---

                """
        }
        return text + """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              replicas: 2
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers:
                  - {name: web, image: "nginx:1.27", ports: [{containerPort: 8080}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: default}
            spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}

            """
    }

    private func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-tree-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    private func write(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Every file under `directory` with its bytes.
    private func tree(_ directory: String) -> [String: Data] {
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

    @Test func aSecondCompileLeavesNoFileOfTheFirstInput() throws {
        let root = try folder()
        try write(Self.cluster(nodes: ["old-node", "node-a"]), root + "/first.yaml")
        try write(Self.cluster(nodes: ["node-a"]), root + "/second.yaml")
        let first = try KubecProcess.run(["compile", root + "/first.yaml", "-o", root + "/out"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(tree(root + "/out").keys.contains("nodes/old-node/iptables.rules"))
        let second = try KubecProcess.run(["compile", root + "/second.yaml", "-o", root + "/out"])
        #expect(second.status == 0, "\(second.stderr)")
        let files = tree(root + "/out")
        #expect(!files.keys.contains { $0.hasPrefix("nodes/old-node") })
        #expect(files.keys.contains("nodes/node-a/iptables.rules"))
        // Nothing but the output and its lock file is left beside it.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        #expect(siblings == [".out.kubec-lock", "first.yaml", "out", "second.yaml"])
    }

    @Test func aRunKilledWhileWritingLeavesThePreviousTreeUntouched() throws {
        let root = try folder()
        try write(Self.cluster(nodes: ["node-a"]), root + "/first.yaml")
        // Another Service changes dns/cluster.local.zone, the first (small) file written.
        let api = "---\napiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: default}\nspec: {ports: [{port: 80}]}\n"
        try write(Self.cluster(nodes: ["node-b", "node-c"]) + api, root + "/second.yaml")
        #expect(try KubecProcess.run(["compile", root + "/first.yaml", "-o", root + "/out"]).status == 0)
        let before = tree(root + "/out")
        // A 1 KiB file-size limit: the first large file kills the second run part-way through writing.
        let script = "ulimit -f 1; exec '\(RepositoryPaths.kubecBinary)' compile '\(root)/second.yaml' -o '\(root)/out'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus != 0)
        #expect(tree(root + "/out") == before)
    }

    @Test func concurrentCompilesEachLeaveOneCompleteTree() throws {
        let root = try folder()
        try write(Self.cluster(nodes: ["node-a"]), root + "/a.yaml")
        try write(Self.cluster(nodes: ["node-b", "node-c"]), root + "/b.yaml")
        #expect(try KubecProcess.run(["compile", root + "/a.yaml", "-o", root + "/ref-a"]).status == 0)
        #expect(try KubecProcess.run(["compile", root + "/b.yaml", "-o", root + "/ref-b"]).status == 0)
        let expected = [tree(root + "/ref-a"), tree(root + "/ref-b")]
        let processes = (0..<6).map { index -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: RepositoryPaths.kubecBinary)
            process.arguments = ["compile", root + (index % 2 == 0 ? "/a.yaml" : "/b.yaml"), "-o", root + "/out"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        let result = tree(root + "/out")
        #expect(expected.contains(result), "the tree mixes both inputs: \(result.keys.sorted())")
    }

    @Test func aFolderKubecDidNotWriteIsNeverReplaced() throws {
        let root = try folder()
        try write(Self.cluster(nodes: ["node-a"]), root + "/a.yaml")
        try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
        try write("keep me", root + "/out/precious.txt")
        let run = try KubecProcess.run(["compile", root + "/a.yaml", "-o", root + "/out"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("refusing to replace it"))
        #expect(tree(root + "/out") == ["precious.txt": Data("keep me".utf8)])
    }

    @Test func filesGetTheirModeWhateverTheUmask() throws {
        let root = try folder()
        try write(Self.cluster(nodes: ["node-a"]), root + "/a.yaml")
        let script = "umask 077; exec '\(RepositoryPaths.kubecBinary)' compile '\(root)/a.yaml' -o '\(root)/out'"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let manager = FileManager.default
        let script0 = try manager.attributesOfItem(atPath: root + "/out/nodes/node-a/ipvs-setup.sh")
        let rules = try manager.attributesOfItem(atPath: root + "/out/nodes/node-a/iptables.rules")
        #expect((script0[.posixPermissions] as? Int) == 0o755)
        #expect((rules[.posixPermissions] as? Int) == 0o644)
    }
}
