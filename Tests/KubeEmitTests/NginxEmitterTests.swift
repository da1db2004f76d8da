import BenchmarkInputs
import Foundation
import KubePlan
import KubeTestSupport
import Testing

@testable import KubeEmit

@Suite("nginx emitter")
struct NginxEmitterTests {
    static let nginx = DNSNginxTools.find("nginx")

    private func config(_ state: ClusterState = NginxEmitterFixture.state(), options: NginxOptions = NginxOptions())
        -> String
    {
        NginxEmitter.emit(state, options: options).files.first?.text ?? ""
    }

    @Test func fixtureConfigMatchesGolden() throws {
        try DNSNginxGolden.check(config(), "nginx-fixture.conf")
    }

    @Test func fixtureHasNoDiagnostics() {
        #expect(NginxEmitter.emit(NginxEmitterFixture.state()).diagnostics.isEmpty)
    }

    @Test func outputIsIndependentOfInputOrder() {
        var state = NginxEmitterFixture.state()
        state.ingresses.reverse()
        #expect(config(state) == config())
    }

    @Test func parallelEmissionIsDeterministic() {
        let state = NginxBenchmarkInput.state(ingresses: 300, paths: 600)
        var shuffled = state
        shuffled.ingresses.reverse()
        let first = NginxEmitter.emit(state).files
        #expect(NginxEmitter.emit(shuffled).files == first)
        let text = first.first?.text ?? ""
        #expect(
            text.contains("server_name \"host-0.example.com\";")
                && text.contains("server_name \"host-299.example.com\";"))
        #expect(text.hasSuffix("}\n\n}\n"))
    }

    @Test func prefixPathBecomesElementWiseLocations() {
        let text = config()
        #expect(text.contains("location \"/foo/\" {"))
        #expect(text.contains("location = \"/foo\" {"))
    }

    @Test func wildcardHostMatchesExactlyOneLabel() {
        #expect(config().contains("server_name \"~^[^.]+\\\\.wild\\\\.test$\";"))
    }

    @Test(.enabled(if: RealTool.isCI || nginx != nil, "nginx (nginx-light) is not installed"))
    func nginxAcceptsFixtureConfig() throws {
        let result = try NginxConfigCheck.test(NginxEmitterFixture.state())
        #expect(result.status == 0, "nginx -t failed:\n\(result.output)")
    }
}

/// Runs `nginx -t` on an emitted config in a temp folder with throwaway certificates for every TLS secret.
enum NginxConfigCheck {
    static func test(_ base: ClusterState, options: NginxOptions = NginxOptions()) throws -> DNSNginxTools.Result {
        let folder = DNSNginxTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var state = base
        state.settings.ingress.tlsDirectory = folder.path + "/tls"
        let options = sandboxed(options, folder: folder)
        let files = NginxEmitter.emit(state, options: options).files
        try DNSNginxTools.write(files, to: folder)
        try makeCertificates(for: state, under: folder.path + "/tls")
        return try DNSNginxTools.run(
            DNSNginxTools.find("nginx") ?? "nginx",
            ["-t", "-q", "-e", folder.path + "/error.log", "-c", folder.path + "/ingress/nginx.conf"])
    }

    /// Options pointing pid, logs and temp files into `folder`.
    static func sandboxed(_ options: NginxOptions, folder: URL) -> NginxOptions {
        var options = options
        options.pidPath = folder.path + "/nginx.pid"
        options.errorLogPath = folder.path + "/error.log"
        options.accessLogPath = folder.path + "/access.log"
        options.tempDirectory = folder.path + "/tmp"
        options.workerProcesses = 1
        try? FileManager.default.createDirectory(atPath: folder.path + "/tmp", withIntermediateDirectories: true)
        return options
    }

    /// One self-signed certificate, copied to `<tls>/<namespace>/<secret>/tls.{crt,key}` for every TLS secret.
    static func makeCertificates(for state: ClusterState, under tls: String) throws {
        let secrets = Set(
            state.ingresses.flatMap { ingress in
                ingress.tls.compactMap { $0.secretName.map { ingress.namespace + "/" + $0 } }
            })
        guard !secrets.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: tls, withIntermediateDirectories: true)
        let result = try DNSNginxTools.run(
            DNSNginxTools.find("openssl") ?? "openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=kubec-test",
                "-keyout", tls + "/key.pem", "-out", tls + "/cert.pem",
            ])
        guard result.status == 0 else { throw CertificateError(output: result.output) }
        for secret in secrets {
            let folder = tls + "/" + secret
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: tls + "/cert.pem", toPath: folder + "/tls.crt")
            try FileManager.default.copyItem(atPath: tls + "/key.pem", toPath: folder + "/tls.key")
        }
    }

    struct CertificateError: Error {
        var output: String
    }
}

/// `nginx -t` on generated configs beyond the fixture: the benchmark shape and extreme but valid hosts.
@Suite("nginx emitter: nginx -t on generated configs")
struct NginxEmitterConfigCheckTests {
    @Test(.enabled(if: RealTool.isCI || NginxEmitterTests.nginx != nil, "nginx (nginx-light) is not installed"))
    func nginxAcceptsBenchmarkShapedConfig() throws {
        let result = try NginxConfigCheck.test(NginxBenchmarkInput.state(ingresses: 40, paths: 400))
        #expect(result.status == 0, "nginx -t failed:\n\(result.output)")
    }

    @Test(.enabled(if: RealTool.isCI || NginxEmitterTests.nginx != nil, "nginx (nginx-light) is not installed"))
    func nginxAcceptsLongestValidHost() throws {
        let label = String(repeating: "a", count: 63)
        let host = [label, label, label, String(repeating: "b", count: 61)].joined(separator: ".")
        #expect(host.utf8.count == 253)
        var state = ClusterState()
        state.ingresses = [
            NginxEmitterFixture.ingress("long", host: host, [("/", .prefix, "root")], port: 80),
            NginxEmitterFixture.ingress(
                "long-wild", host: "*." + String(host.dropFirst(64)), [("/", .prefix, "root")], port: 80),
        ]
        #expect(NginxEmitter.emit(state).diagnostics.isEmpty)
        let result = try NginxConfigCheck.test(state)
        #expect(result.status == 0, "nginx -t failed:\n\(result.output)")
    }
}
