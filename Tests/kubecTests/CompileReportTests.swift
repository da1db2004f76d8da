import Foundation
import KubeTestSupport
import Testing

/// `kubec compile` renders the lint findings while it writes the outputs; a finding an emitter adds still
/// takes its place in the one sorted report, and the summary counts it.
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct CompileReportTests {
    /// An IP-valued ExternalName (only the DNS emitter reports it) above a Deployment the rules report on.
    static let input = """
        apiVersion: v1
        kind: Service
        metadata: {name: legacy, namespace: default}
        spec: {type: ExternalName, externalName: 10.1.2.3}
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: node-a}
        spec: {podCIDR: 10.244.1.0/24}
        status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}, addresses: [{type: InternalIP, address: 192.168.1.11}]}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: default}
        spec:
          replicas: 1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - {name: c, image: "nginx:1.27"}

        """

    private func compile() throws -> KubecRun {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Self.input.write(toFile: root + "/in.yaml", atomically: true, encoding: .utf8)
        return try KubecProcess.run(["compile", "in.yaml", "-o", "out"], directory: root)
    }

    @Test func emitterFindingIsSortedIntoTheLintReport() throws {
        let run = try compile()
        #expect(run.status == 0)
        let emitter = run.stderr.range(of: "in.yaml:4:42: warning: externalName '10.1.2.3' is an IP address")
        let rule = run.stderr.range(of: "in.yaml:22:10: warning: container \"c\" sets no requests")
        #expect(emitter != nil && rule != nil)
        if let emitter, let rule { #expect(emitter.lowerBound < rule.lowerBound) }
        #expect(run.stderr.hasSuffix("1 file, 3 documents: 0 errors, 2 warnings, 3 infos\n"))
    }
}
