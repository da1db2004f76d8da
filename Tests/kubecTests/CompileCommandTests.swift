import Foundation
import KubeTestSupport
import Testing

/// `kubec compile`: the output layout of CLI.md, nothing written on errors, byte-identical whatever the order.
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
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

    @Test func anIPv6ClusterCompilesToTheIPv6ProxierAndPolicyFiles() throws {
        let root = try temporaryDirectory()
        let input = root + "/v6.yaml"
        try """
            apiVersion: kubec.dev/v1alpha1
            kind: Cluster
            metadata: {name: v6}
            spec: {serviceCIDR: "fd00:10:96::/112", clusterCIDR: "fd00:10:244::/56"}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: w1, labels: {kubernetes.io/hostname: w1}}
            status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}, addresses: [{type: InternalIP, address: "fd77::11"}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, labels: {app: web}}
            spec: {containers: [{name: web, image: "nginx:1.27", ports: [{containerPort: 8080}]}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web}
            spec: {podSelector: {matchLabels: {app: web}}, ingress: [{from: [{podSelector: {}}]}]}
            """.write(toFile: input, atomically: true, encoding: .utf8)
        let out = root + "/out"
        let run = try KubecProcess.run(["compile", input, "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("ipvs-ipv6-not-emitted"), "\(run.stderr)")
        let files = try contents(of: out)
        let proxier = String(decoding: files["nodes/w1/ip6tables.rules"] ?? Data(), as: UTF8.self)
        #expect(proxier.contains("--to-destination [fd00:10:244::2]:8080"), "\(proxier)")
        let ipv4 = String(decoding: files["nodes/w1/iptables.rules"] ?? Data(), as: UTF8.self)
        #expect(!ipv4.contains("fd00:"))
        let ipvs = String(decoding: files["nodes/w1/ipvs.rules"] ?? Data(), as: UTF8.self)
        #expect(ipvs.contains("-r [fd00:10:244::2]:8080 -m -w 1"), "\(ipvs)")
        #expect(files["nodes/w1/ipvs-ip6tables.rules"] != nil)
        let policy = String(decoding: files["nodes/w1/policy6.rules"] ?? Data(), as: UTF8.self)
        #expect(policy.contains("-d fd00:10:244::2/128"))
        let zone = String(decoding: files["dns/cluster.local.zone"] ?? Data(), as: UTF8.self)
        #expect(zone.contains("web.default.svc.cluster.local.\t\tIN\tAAAA\tfd00:10:96::"))
    }

    @Test func aDualStackServiceIsProgrammedByBothProxiers() throws {
        let root = try temporaryDirectory()
        let input = root + "/dual.yaml"
        try """
            apiVersion: kubec.dev/v1alpha1
            kind: Cluster
            metadata: {name: dual}
            spec: {serviceCIDR: ["10.96.0.0/16", "fd00:10:96::/112"], clusterCIDR: ["10.244.0.0/16", "fd00:10:244::/56"]}
            ---
            apiVersion: v1
            kind: Node
            metadata: {name: w1, labels: {kubernetes.io/hostname: w1}}
            status: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, labels: {app: web}}
            spec: {containers: [{name: web, image: "nginx:1.27", ports: [{containerPort: 8080}]}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {ipFamilyPolicy: RequireDualStack, selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
            """.write(toFile: input, atomically: true, encoding: .utf8)
        let out = root + "/out"
        let run = try KubecProcess.run(["compile", input, "-o", out, "--proxy-mode", "iptables"])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try contents(of: out)
        func text(_ path: String) -> String { String(decoding: files[path] ?? Data(), as: UTF8.self) }
        #expect(text("nodes/w1/iptables.rules").contains("--to-destination 10.244.0.2:8080"))
        #expect(text("nodes/w1/ip6tables.rules").contains("--to-destination [fd00:10:244::2]:8080"))
        let zone = text("dns/cluster.local.zone")
        #expect(zone.contains("web.default.svc.cluster.local.\t\tIN\tA\t10.96.") && zone.contains("\tIN\tAAAA\tfd00:10:96::"))
        let placement = text("placement.json").filter { !$0.isWhitespace }
        #expect(placement.contains("\"ips\":[\"10.244.0.2\",\"fd00:10:244::2\"]"), "\(placement)")
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
        #expect(run.stderr == "kubec: error: no Node named nope in the input\n")
        #expect(!FileManager.default.fileExists(atPath: root + "/out"))
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
