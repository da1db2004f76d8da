import Foundation
import KubeTestSupport
import Testing

/// `kubec compile` outputs run as they are: nginx.conf from the output folder, with the input's TLS Secrets.
@Suite(.enabled(if: KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct RunnableOutputsTests {
    static func compileDemo() throws -> String {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-run-\(UUID().uuidString)").path
        let run = try KubecProcess.run(["compile", RepositoryPaths.manifests, "-o", out])
        #expect(run.status == 0, "\(run.stderr)")
        return out
    }

    static var nginx: String? {
        ["/usr/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test func theDemoTLSKeysAreWrittenOwnerReadableOnly() throws {
        let out = try Self.compileDemo()
        let key = out + "/ingress/tls/demo/demo-tls/tls.key"
        let attributes = try FileManager.default.attributesOfItem(atPath: key)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let text = String(decoding: FileManager.default.contents(atPath: key) ?? Data(), as: UTF8.self)
        #expect(text.hasPrefix("-----BEGIN PRIVATE KEY-----"))
    }

    @Test(.enabled(if: nginx != nil || ProcessInfo.processInfo.environment["CI"] == "true", "nginx not installed"))
    func theDemoNginxConfigPassesNginxTestFromTheOutputFolder() throws {
        let binary = try #require(Self.nginx, "nginx is required in CI")
        let out = try Self.compileDemo()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-t", "-p", out + "/ingress/", "-c", "nginx.conf"]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(output)")
    }

    @Test func anIngressNamingAMissingSecretIsAWarningAndServedOverHTTP() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-tls-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: web}
            spec:
              tls: [{hosts: [a.example.com], secretName: absent-tls}]
              rules:
                - host: a.example.com
                  http:
                    paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]
            """.write(toFile: root + "/in.yaml", atomically: true, encoding: .utf8)
        let run = try KubecProcess.run(["compile", root + "/in.yaml", "-o", root + "/out", "--force"])
        #expect(run.stderr.contains("nginx-tls-secret-missing"), "\(run.stderr)")
        let conf = String(decoding: FileManager.default.contents(atPath: root + "/out/ingress/nginx.conf") ?? Data(), as: UTF8.self)
        #expect(!conf.contains("absent-tls"))
    }
}
