import Foundation
import KubeTestSupport
import Testing

/// `--kubernetes-version` reaches the version-dependent lint rules, the pod-security best-practice ones included,
/// and wins over the input's Cluster document.
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct KubernetesVersionFlagTests {
    /// A 1.26 cluster, where the seccomp annotation still confines the pod (it stopped working in 1.27).
    private let input = """
        apiVersion: kubec.dev/v1alpha1
        kind: Cluster
        metadata: {name: c}
        spec: {kubernetesVersion: "1.26"}
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          annotations: {seccomp.security.alpha.kubernetes.io/pod: runtime/default}
        spec:
          containers: [{name: web, image: "nginx:1.27", resources: {requests: {cpu: 10m, memory: 10Mi}}}]
        """

    private func file(_ text: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-kv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("input.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theFlagOverridesTheClusterDocumentForThePodSecurityRules() throws {
        let path = try file(input)
        let clusterOnly = try KubecProcess.run(["lint", "--no-color", "--enable", "seccomp-profile-missing", path])
        #expect(!clusterOnly.stdout.contains("[seccomp-profile-missing]"), "\(clusterOnly.stdout)")
        let flagged = try KubecProcess.run(
            ["lint", "--no-color", "--enable", "seccomp-profile-missing", "--kubernetes-version", "1.35", path])
        #expect(flagged.stdout.contains("[seccomp-profile-missing]"), "\(flagged.stdout)")
    }
}
