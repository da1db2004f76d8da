import Foundation
import KubeTestSupport
import Testing

/// `kubec compile --force` writes the valid objects only: a value that failed validation never reaches a rule,
/// a folder or a script, and a finding names each object left out.
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct CompileForceTests {
    static let hostile = """
        apiVersion: v1
        kind: Node
        metadata: {name: node-a}
        spec: {podCIDR: 10.244.1.0/24}
        status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}, addresses: [{type: InternalIP, address: 192.168.1.11}]}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: "evil\\ntouch /tmp/kubec-pwned"}
        spec: {podCIDR: 10.244.2.0/24}
        status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}, addresses: [{type: InternalIP, address: 192.168.1.12}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: "web\\n-A INPUT -j ACCEPT", namespace: default}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: ok, namespace: default}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: big, namespace: default, labels: {app: big}}
        spec:
          containers:
          - {name: c, image: "nginx:1.27", ports: [{containerPort: 1000000000}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: big, namespace: default}
        spec: {selector: {app: big}, ports: [{port: 81, targetPort: 1000000000}]}

        """

    private func compile() throws -> (run: KubecRun, files: [String: String]) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-force-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Self.hostile.write(toFile: root + "/in.yaml", atomically: true, encoding: .utf8)
        let run = try KubecProcess.run(["compile", "--force", root + "/in.yaml", "-o", root + "/out"])
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root + "/out")
        while let relative = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: root + "/out/" + relative) {
                files[relative] = String(decoding: data, as: UTF8.self)
            }
        }
        return (run, files)
    }

    @Test func invalidObjectsReachNoOutput() throws {
        let (run, files) = try compile()
        #expect(run.status == 1)
        #expect(files.keys.contains("nodes/node-a/iptables.rules"))
        #expect(!files.keys.contains { $0.contains("evil") || $0.contains("\n") })
        for (path, text) in files {
            for payload in ["-A INPUT -j ACCEPT", "kubec-pwned", "1000000000"] {
                #expect(!text.contains(payload), "\(path) holds \(payload)")
            }
        }
        #expect(files["nodes/node-a/iptables.rules"]?.contains("default/ok") == true)
    }

    @Test func eachOmittedObjectIsNamed() throws {
        let (run, _) = try compile()
        #expect(run.stderr.contains("Node evil?touch /tmp/kubec-pwned left out of the outputs"))
        #expect(run.stderr.contains("Service default/web?-A INPUT -j ACCEPT left out of the outputs"))
        #expect(run.stderr.contains("Pod default/big left out of the outputs"))
        #expect(run.stderr.contains("Service default/big left out of the outputs"))
        #expect(!run.stderr.contains("Service default/ok left out"))
    }
}
