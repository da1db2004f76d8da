import Foundation
import KubeEmit
import KubeModel
import KubePlan
import KubeYAML
import Testing

/// `CompileOutputs.emit(into:)`, the streamed form `compile` uses: the same files as the collected form, each
/// handed over once, and a sink that fails stops the deliveries and is reported.
struct CompileOutputsStreamTests {
    /// Records what a sink received; throws from the `failAfter`-th file on when set.
    final class Recorder: @unchecked Sendable {
        struct Refused: Error {}
        private let lock = NSLock()
        private var received: [OutputFile] = []
        let failAfter: Int?

        init(failAfter: Int? = nil) {
            self.failAfter = failAfter
        }

        func take(_ file: OutputFile) throws {
            try lock.withLock {
                if let failAfter, received.count >= failAfter { throw Refused() }
                received.append(file)
            }
        }

        var files: [OutputFile] { lock.withLock { received } }
    }

    static func plan() -> PlanResult {
        let text = CompileOutputsStreamTests.cluster(nodes: ["node-a", "node-b"])
        return Compilation.resolve(ManifestSet.decode(YAMLLoader.load(text: text, file: "in.yaml")))
    }

    static func cluster(nodes: [String]) -> String {
        var text = """
            apiVersion: kubec.dev/v1alpha1
            kind: Cluster
            metadata: {name: test}
            spec: {serviceCIDR: 10.96.0.0/16, clusterCIDR: 10.244.0.0/16}

            """
        for (index, node) in nodes.enumerated() {
            text += """
                ---
                apiVersion: v1
                kind: Node
                metadata: {name: \(node)}
                spec: {podCIDR: 10.244.\(index).0/24}
                status:
                  addresses: [{type: InternalIP, address: 192.168.0.\(index + 10)}]
                  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}

                """
        }
        text += """
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: default}
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx:1.27, ports: [{containerPort: 80}]}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: default}
            spec: {selector: {app: web}, ports: [{port: 80, targetPort: 80}]}

            """
        return text
    }

    @Test func theStreamedFilesAreTheCollectedFiles() {
        let result = Self.plan()
        let collected = CompileOutputs.emit(result)
        let recorder = Recorder()
        let streamed = CompileOutputs.emit(result, into: recorder.take)
        #expect(streamed.failure == nil)
        #expect(recorder.files.sorted { $0.path < $1.path } == collected.files)
        #expect(streamed.written.map(\.path) == collected.files.map(\.path))
        #expect(streamed.written.map(\.byteCount) == collected.files.map(\.contents.count))
        #expect(streamed.diagnostics == collected.diagnostics)
        #expect(collected.files.contains { $0.path == "nodes/node-b/iptables.rules" })
    }

    @Test func aFailingSinkIsReportedAndOnlyWhatItTookIsListed() {
        let recorder = Recorder(failAfter: 2)
        let streamed = CompileOutputs.emit(Self.plan(), into: recorder.take)
        #expect(streamed.failure is Recorder.Refused)
        #expect(recorder.files.count == 2)
        #expect(streamed.written.count == 2)
    }
}
