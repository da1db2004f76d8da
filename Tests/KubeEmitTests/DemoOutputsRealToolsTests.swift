import Foundation
import KubeEmit
import KubeModel
import KubePlan
import KubeTestSupport
import KubeYAML
import Testing

/// The bundled demo (`manifests/`) compiled as `make run` does, and every output handed to its real tool:
/// `iptables-restore --test` and `ipset restore` in a throwaway namespace, `named-checkzone`, `nginx -t`.
enum DemoCompilation {
    /// The demo's outputs, with the Cluster's `tlsDirectory` pointed at `tlsDirectory` when given.
    static func files(tlsDirectory: String? = nil) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let collected = InputCollector.collect([RepositoryPaths.manifests])
        var sources: [SourceFile] = collected.inputs.compactMap { input in
            guard case .file(let path) = input, let data = FileManager.default.contents(atPath: path) else { return nil }
            return SourceFile(path: path, bytes: [UInt8](data))
        }
        if let tlsDirectory {
            sources.removeAll { $0.path.hasSuffix("cluster/cluster.yaml") }
            sources.append(SourceFile(path: "override.yaml", text: """
                apiVersion: kubec.dev/v1alpha1
                kind: Cluster
                metadata: {name: test}
                spec:
                  ingress: {tlsDirectory: "\(tlsDirectory)"}
                """))
        }
        let set = ManifestSet.decode(YAMLLoader.load(sources))
        let result = Compilation.resolve(set)
        return CompileOutputs.emit(result)
    }
}

@Suite(.serialized) struct DemoOutputsRealToolsTests {
    @Test func theDemoCompilesWithoutEmitterFindings() {
        let compiled = DemoCompilation.files()
        #expect(compiled.diagnostics.filter { $0.severity == .error }.isEmpty, "\(compiled.diagnostics)")
        #expect(compiled.files.contains { $0.path == "ingress/nginx.conf" })
    }

    @Test(.enabled(if: RealTool.isCI || DataplaneHost.canUseNamespaces, "needs root with ip, iptables-restore and ipset"))
    func everyNodeRuleFileLoadsIntoANamespace() {
        let files = DemoCompilation.files().files
        let namespace = DataplaneHost.uniquePrefix() + "-demo"
        DataplaneHost.withNamespaces([namespace]) {
            func sibling(_ file: OutputFile, _ name: String) -> OutputFile? {
                let folder = (file.path as NSString).deletingLastPathComponent
                return files.first { $0.path == folder + "/" + name }
            }
            for file in files where file.path.hasSuffix("/iptables.rules") && !file.path.hasSuffix("ipvs-iptables.rules") {
                let result = DataplaneHost.exec(namespace, ["iptables-restore", "--test"], input: file.contents)
                #expect(result.succeeded, "\(file.path): \(result.error)")
            }
            // IPVS mode: the ipsets first, then the iptables rules that match on them.
            for file in files where file.path.hasSuffix("/ipset.rules") {
                let sets = DataplaneHost.exec(namespace, ["ipset", "-exist", "restore"], input: file.contents)
                #expect(sets.succeeded, "\(file.path): \(sets.error)")
                if let rules = sibling(file, "ipvs-iptables.rules") {
                    let result = DataplaneHost.exec(namespace, ["iptables-restore", "--test"], input: rules.contents)
                    #expect(result.succeeded, "\(rules.path): \(result.error)")
                }
                DataplaneHost.exec(namespace, ["ipset", "destroy"])
            }
            for file in files where file.path.hasSuffix("/policy.rules") {
                let sets = DataplaneHost.exec(namespace, ["ipset", "-exist", "restore"], input: sibling(file, "policy.ipset")?.contents)
                #expect(sets.succeeded, "\(file.path): \(sets.error)")
                let result = DataplaneHost.exec(namespace, ["iptables-restore", "--noflush"], input: file.contents)
                #expect(result.succeeded, "\(file.path): \(result.error)")
                DataplaneHost.exec(namespace, ["iptables", "-F"])
                DataplaneHost.exec(namespace, ["iptables", "-X"])
                DataplaneHost.exec(namespace, ["ipset", "destroy"])
            }
        }
    }

    @Test(.enabled(if: RealTool.isCI || DNSNginxTools.find("named-checkzone") != nil, "needs named-checkzone (bind9-utils)"))
    func everyZoneIsAcceptedByNamedCheckzone() throws {
        let zones = DemoCompilation.files().files.filter { $0.path.hasPrefix("dns/") }
        #expect(zones.count >= 2)
        try DNSNginxTools.checkZones(zones)
    }

    @Test(.enabled(if: RealTool.isCI || DNSNginxTools.find("nginx") != nil && DNSNginxTools.find("openssl") != nil,
                   "needs nginx (nginx-light) and openssl"))
    func theNginxConfigPassesNginxTest() throws {
        let folder = DNSNginxTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let compiled = DemoCompilation.files(tlsDirectory: folder.path + "/tls")
        let config = try #require(compiled.files.first { $0.path == "ingress/nginx.conf" }).text
        // A throwaway certificate for every TLS secret the config names.
        let openssl = try #require(DNSNginxTools.find("openssl"))
        for line in config.split(separator: "\n") where line.contains("ssl_certificate ") {
            guard let start = line.firstIndex(of: "\""), let end = line.lastIndex(of: "\""), start < end else { continue }
            let certificate = String(line[line.index(after: start)..<end])
            let directory = (certificate as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let made = try DNSNginxTools.run(openssl, [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=demo.example.com", "-days", "1",
                "-keyout", directory + "/tls.key", "-out", directory + "/tls.crt",
            ])
            #expect(made.status == 0, "\(made.output)")
        }
        // Logs, pid and temp files into the scratch folder; everything else exactly as emitted.
        var patched = config
        for (from, to) in [("/run/kubec-nginx.pid", "pid"), ("/var/log/nginx/kubec-error.log", "error.log"),
                           ("/var/log/nginx/kubec-access.log", "access.log"), ("/var/lib/kubec-nginx", "temp")] {
            patched = patched.replacingOccurrences(of: "\"\(from)", with: "\"\(folder.path)/\(to)")
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("temp"), withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("nginx.conf")
        try patched.write(to: path, atomically: true, encoding: .utf8)
        let result = try DNSNginxTools.run(try #require(DNSNginxTools.find("nginx")), ["-t", "-q", "-c", path.path])
        #expect(result.status == 0, "\(result.output)")
    }
}
