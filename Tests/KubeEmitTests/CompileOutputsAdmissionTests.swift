import KubeEmit
import KubeModel
import KubePlan
import KubeYAML
import Testing

/// `CompileOutputs` admits the plan's state once and hands that admitted state to every emitter (which then skip
/// their own admission): an object the guard leaves out reaches no file of any mode, and is named once.
struct CompileOutputsAdmissionTests {
    /// A valid Service beside one whose name would end an iptables rule and start another, and one whose name is
    /// no DNS label (the emitters would write it as it is).
    static let input = """
        apiVersion: v1
        kind: Node
        metadata: {name: node-a}
        spec: {podCIDR: 10.244.1.0/24}
        status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}, addresses: [{type: InternalIP, address: 192.168.1.11}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: "web\\n-A INPUT -j ACCEPT", namespace: default}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: Not_A_Label, namespace: default}
        spec: {ports: [{port: 8080}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: ok, namespace: default}
        spec: {ports: [{port: 80}]}

        """

    static func emitted() -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let result = Compilation.resolve(ManifestSet.decode(YAMLLoader.load(text: input, file: "in.yaml")))
        return CompileOutputs.emit(result, proxyMode: .all)
    }

    @Test func servicesTheGuardLeavesOutReachNoFile() {
        let (files, _) = Self.emitted()
        #expect(files.contains { $0.path == "nodes/node-a/iptables.rules" })
        #expect(files.contains { $0.path == "nodes/node-a/nftables.nft" })
        for file in files {
            #expect(!file.text.contains("-A INPUT -j ACCEPT"), "\(file.path) holds the hostile name")
            #expect(!file.text.contains("Not_A_Label"), "\(file.path) holds the Service whose name is no label")
        }
        #expect(files.first { $0.path == "nodes/node-a/iptables.rules" }?.text.contains("default/ok") == true)
    }

    @Test func eachServiceLeftOutIsNamedOnce() {
        let (_, diagnostics) = Self.emitted()
        let omitted = diagnostics.filter { $0.rule == DataplaneInputGuard.ruleID }.map(\.message)
        #expect(omitted.count == 2)
        #expect(omitted.contains { $0.contains("Service default/web?-A INPUT -j ACCEPT left out") })
        #expect(omitted.contains { $0.contains("Service default/Not_A_Label left out") })
    }
}
