import Foundation
import KubePlan
import KubeTestSupport
import Testing

@testable import KubeEmit

/// The generated nginx.conf run by the real nginx on 127.0.0.1, with python3 HTTP servers on 127.0.1.x
/// standing in for pods; a python3 probe asserts which backend answers each Host/path.
@Suite("nginx emitter on the real nginx", .serialized)
struct NginxEmitterServerTests {
    static let tools = ["nginx", "python3", "openssl"].allSatisfy { DNSNginxTools.find($0) != nil }

    /// (Host, path, expected "<backend> <path seen upstream>" or status).
    static let table: [(host: String, path: String, expect: String)] = [
        // The Kubernetes docs' path-matching examples.
        ("root.test", "/anything/at/all", "root /anything/at/all"),
        ("exact.test", "/foo", "exact-foo /foo"),
        ("exact.test", "/bar", "404"),
        ("exact.test", "/foo/", "404"),
        ("exact-slash.test", "/foo", "404"),
        ("prefix.test", "/foo", "prefix-foo /foo"),
        ("prefix.test", "/foo/", "prefix-foo /foo/"),
        ("prefix-slash.test", "/foo", "prefix-foo-slash /foo"),
        ("prefix-slash.test", "/foo/", "prefix-foo-slash /foo/"),
        ("bb.test", "/aaa/bbb", "404"),
        ("bbb.test", "/aaa/bbb", "aaa-bbb /aaa/bbb"),
        ("bbb-slash.test", "/aaa/bbb", "aaa-bbb-slash /aaa/bbb"),
        ("bbb.test", "/aaa/bbb/", "aaa-bbb /aaa/bbb/"),
        ("bbb.test", "/aaa/bbb/ccc", "aaa-bbb /aaa/bbb/ccc"),
        ("bbb.test", "/aaa/bbbxyz", "404"),
        ("multi.test", "/aaa/ccc", "aaa /aaa/ccc"),
        ("multi.test", "/aaa/bbb", "aaa-bbb /aaa/bbb"),
        ("multi.test", "/ccc", "root /ccc"),
        ("noroot.test", "/ccc", "404"),
        ("mixed.test", "/foo", "mixed-exact /foo"),
        ("mixed.test", "/foo/x", "mixed-prefix /foo/x"),
        ("both.test", "/foo", "prefix-foo-slash /foo"),
        ("exact.test", "/FOO", "404"),
        // With use-regex on the host, Exact and Prefix keep their meaning (case-sensitive, element-wise) while
        // ImplementationSpecific becomes a case-insensitive regex anchored at the start.
        ("regex.test", "/foo", "mixed-exact /foo"),
        ("regex.test", "/foobar", "404"),
        ("regex.test", "/FOO", "404"),
        ("regex.test", "/aaa/bbb/c", "aaa-bbb /aaa/bbb/c"),
        ("regex.test", "/aaa/bbbxyz", "404"),
        ("regex.test", "/RE12/x", "is-conf /RE12/x"),
        // ImplementationSpecific is a string prefix in ingress-nginx.
        ("conf.test", "/configs", "is-conf /configs"),
        // Wildcards match exactly one label; everything else falls to the catch-all default backend.
        ("a.wild.test", "/x", "wild /x"),
        ("a.b.wild.test", "/x", "fallback /x"),
        ("wild.test", "/x", "fallback /x"),
        ("unknown.test", "/", "fallback /"),
        // rewrite-target with capture groups (use-regex, case-insensitive).
        ("rewrite.test", "/api/users", "rewrite /users"),
        ("rewrite.test", "/API", "rewrite /"),
        // A quoted path with `"`, `\`, space, braces, `;`, `#`, `$` and `'` matches literally (percent-encoded request).
        ("odd.test", "/odd%22q%5Cs%20p%7Bx%7D;%23$y%27/z", "odd /odd%22q%5Cs%20p%7Bx%7D;%23$y%27/z"),
        ("odd.test", "/odd", "404"),
        // Sticky, allow-listed loopback client.
        ("sticky.test", "/s", "sticky /s"),
        // permanent-redirect and app-root.
        ("moved.test", "/page", "301 https://example.com/new?x=1"),
        ("moved.test", "/", "302 http://moved.test:PORT/app"),
    ]

    @Test(.enabled(if: RealTool.isCI || tools, "nginx, python3 or openssl is not installed"))
    func requestsReachTheBackendTheSpecSays() throws {
        let folder = DNSNginxTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let backendPort = try #require(DNSNginxTools.freePort())
        let httpPort = try #require(DNSNginxTools.freePort())
        let httpsPort = try #require(DNSNginxTools.freePort())
        let state = NginxEmitterFixture.state(
            port: backendPort, httpPort: httpPort, httpsPort: httpsPort, tlsDirectory: folder.path + "/tls")
        let options = NginxConfigCheck.sandboxed(NginxOptions(), folder: folder)
        let result = NginxEmitter.emit(state, options: options)
        #expect(result.diagnostics.isEmpty)
        try DNSNginxTools.write(result.files, to: folder)
        try NginxConfigCheck.makeCertificates(for: state, under: folder.path + "/tls")

        let script = RepositoryPaths.root + "/scripts/dnsnginx/echo_backends.py"
        let specs = NginxEmitterFixture.backends.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let backends = try DNSNginxTools.start(
            DNSNginxTools.find("python3") ?? "", [script, String(backendPort)] + specs,
            log: folder.appendingPathComponent("backends.log"))
        defer { DNSNginxTools.stop(backends) }
        let nginx = try DNSNginxTools.start(
            DNSNginxTools.find("nginx") ?? "",
            ["-e", folder.path + "/error.log", "-c", folder.path + "/ingress/nginx.conf"],
            log: folder.appendingPathComponent("nginx.out"))
        defer { DNSNginxTools.stop(nginx) }
        for ip in NginxEmitterFixture.backends.values.sorted() {
            try #require(DNSNginxTools.waitForTCP(ip, backendPort), "backend \(ip) did not start")
        }
        try #require(DNSNginxTools.waitForTCP("127.0.0.1", httpPort), "nginx did not start: \(errorLog(folder))")

        var requests = Self.table.map { HTTPProbe.Request(port: httpPort, path: $0.path, host: $0.host) }
        // TLS host: HTTP redirects with 308 to the HTTPS port; HTTPS reaches the backend; an unknown SNI is
        // refused at the handshake rather than served another host's certificate.
        requests.append(HTTPProbe.Request(port: httpPort, path: "/x?y=1", host: "secure.test"))
        requests.append(HTTPProbe.Request(port: httpsPort, path: "/x", host: "secure.test", tls: true))
        requests.append(HTTPProbe.Request(port: httpsPort, path: "/x", host: "other.test", tls: true))
        let answers = try HTTPProbe.run(requests, folder: folder)
        try #require(answers.count == requests.count, "probe failed: \(answers)")
        for (row, answer) in zip(Self.table, answers) {
            let expected = row.expect.replacingOccurrences(of: "PORT", with: String(httpPort))
            #expect(answer == expected, "\(row.host)\(row.path)")
        }
        let tail = Array(answers.suffix(3))
        #expect(tail[0] == "308 https://secure.test:\(httpsPort)/x?y=1")
        #expect(tail[1] == "secure /x")
        #expect(tail[2].hasPrefix("000"))
    }

    private func errorLog(_ folder: URL) -> String {
        (try? String(contentsOf: folder.appendingPathComponent("error.log"), encoding: .utf8)) ?? ""
    }
}

/// Runs scripts/dnsnginx/http_probe.py (python3 only, no curl) over a batch of requests to 127.0.0.1.
enum HTTPProbe {
    struct Request: Encodable {
        var address = "127.0.0.1"
        var port: Int
        var path: String
        var host: String
        var tls = false

        init(port: Int, path: String, host: String, tls: Bool = false) {
            self.port = port
            self.path = path
            self.host = host
            self.tls = tls
        }
    }

    /// One answer per request: the body for 200, else "<status> <Location>", or "000 <error>".
    static func run(_ requests: [Request], folder: URL) throws -> [String] {
        let input = folder.appendingPathComponent("requests.json")
        try JSONEncoder().encode(requests).write(to: input)
        let script = RepositoryPaths.root + "/scripts/dnsnginx/http_probe.py"
        let result = try DNSNginxTools.run(
            DNSNginxTools.find("python3") ?? "python3", [script, input.path], timeout: 120)
        return (try? JSONDecoder().decode([String].self, from: Data(result.output.utf8))) ?? [result.output]
    }
}
