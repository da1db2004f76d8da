import Foundation
import KubeTestSupport
import Testing

/// `--pod-security LEVEL[:VERSION]` on `lint` and `compile`, on the built binary.
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct PodSecurityFlagTests {
    private let pod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: agent, namespace: ops}
        spec:
          hostNetwork: true
          containers: [{name: agent, image: "agent:1.0", resources: {requests: {cpu: 10m, memory: 10Mi}}}]
        """

    private func file(_ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-psa-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("pod.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theFlagEnforcesALevelOnUnlabelledNamespaces() throws {
        let path = try file(pod)
        let without = try KubecProcess.run(["lint", "--no-color", path])
        #expect(!without.stdout.contains("[pod-security-admission]"), "\(without.stdout)")
        let with = try KubecProcess.run(["lint", "--no-color", "--pod-security", "baseline:v1.30", path])
        #expect(with.status == 1)
        #expect(with.stdout.contains(#"error: violates PodSecurity "baseline:v1.30": host namespaces (hostNetwork=true) "#
            + "(Pod ops/agent) [pod-security-admission]"), "\(with.stdout)")
    }

    @Test func aBadLevelExitsTwo() throws {
        let run = try KubecProcess.run(["lint", "--pod-security", "strict", try file(pod)])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--pod-security"))
    }
}
