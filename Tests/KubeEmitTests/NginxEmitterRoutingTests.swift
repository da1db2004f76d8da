import KubePlan
import KubeYAML
import Testing

@testable import KubeEmit

/// Merging several Ingresses per host, conflicts, TLS selection and backend protocols, read from the text.
@Suite("nginx emitter: routing")
struct NginxEmitterRoutingTests {
    private typealias F = NginxEmitterFixture

    private func emit(_ ingresses: [IngressState], options: NginxOptions = NginxOptions()) -> (
        text: String, rules: [String]
    ) {
        var state = ClusterState()
        state.ingresses = ingresses
        let result = NginxEmitter.emit(state, options: options)
        return (result.files.first?.text ?? "", result.diagnostics.map(\.rule))
    }

    @Test func samePathWithDifferentBackendsIsAConflictFirstIngressWins() {
        let result = emit([
            F.ingress("b", host: "h.test", [("/x", .exact, "aaa")], port: 80),
            F.ingress("a", host: "h.test", [("/x", .exact, "root")], port: 80),
        ])
        #expect(result.rules == [NginxRuleID.pathConflict])
        #expect(result.text.contains("location = \"/x\" {\n            proxy_pass http://default-root-http;"))
    }

    @Test func samePathWithSameBackendMergesSilently() {
        let result = emit([
            F.ingress("a", host: "h.test", [("/x", .exact, "root")], port: 80),
            F.ingress("b", host: "h.test", [("/x", .exact, "root")], port: 80),
        ])
        #expect(result.rules.isEmpty)
    }

    @Test func regexModeKeepsExactAndPrefixExactAndCaseSensitive() {
        let result = emit([
            F.ingress("a", host: "h.test", [("/foo", .exact, "aaa"), ("/bar", .prefix, "root")], port: 80),
            F.ingress(
                "b", host: "h.test", [("/re[0-9]+", .implementationSpecific, "wild")], port: 80,
                annotations: ["nginx.ingress.kubernetes.io/use-regex": "true"]),
        ])
        #expect(result.text.contains("location ~ \"^/foo$\""))
        #expect(result.text.contains("location ~ \"^/bar(/|$)\""))
        #expect(result.text.contains("location ~* \"^/re[0-9]+\""))
    }

    @Test func regexLocationsAreOrderedLongestFirst() throws {
        let text = emit([
            F.ingress(
                "b", host: "h.test",
                [("/a", .implementationSpecific, "root"), ("/a/long", .implementationSpecific, "aaa")],
                port: 80, annotations: ["nginx.ingress.kubernetes.io/use-regex": "true"])
        ]).text
        let long = try #require(text.range(of: "\"^/a/long\""))
        let short = try #require(text.range(of: "\"^/a\""))
        #expect(long.lowerBound < short.lowerBound)
    }

    @Test func invalidRegexPathIsRefused() {
        let result = emit([
            F.ingress(
                "b", host: "h.test", [("/a(", .implementationSpecific, "root")], port: 80,
                annotations: ["nginx.ingress.kubernetes.io/use-regex": "true"])
        ])
        #expect(result.rules == [NginxRuleID.invalidPath])
        #expect(!result.text.contains("/a("))
    }

    @Test(arguments: ["/(?<host>x)", "/(?P<x>y)", "/(?'x'y)"])
    func regexPathWithNamedGroupIsRefused(path: String) {
        let result = emit([
            F.ingress(
                "b", host: "h.test", [(path, .implementationSpecific, "root")], port: 80,
                annotations: ["nginx.ingress.kubernetes.io/use-regex": "true"])
        ])
        #expect(result.rules == [NginxRuleID.invalidPath])
        #expect(!result.text.contains(path))
    }

    @Test func regexPathWithLookbehindIsAccepted() {
        let result = emit([
            F.ingress(
                "b", host: "h.test", [("/a(?<!b)c", .implementationSpecific, "root")], port: 80,
                annotations: ["nginx.ingress.kubernetes.io/use-regex": "true"])
        ])
        #expect(result.rules.isEmpty)
    }

    @Test func defaultBackendServesUnmatchedPathsOfItsHosts() throws {
        var ingress = F.ingress("a", host: "a.test", [("/api", .prefix, "aaa")], port: 80)
        ingress.defaultBackend = F.backend("fallback", port: 80)
        let text = emit([ingress]).text
        let server = try #require(text.range(of: "server_name \"a.test\";"))
        let root = try #require(
            text.range(of: "location \"/\" {\n            proxy_pass http://default-fallback-http;"))
        #expect(server.upperBound < root.lowerBound)
    }

    @Test func defaultBackendOfHostlessRuleServesTheCatchAll() {
        var ingress = F.ingress("a", host: "", [("/api", .prefix, "aaa")], port: 80)
        ingress.defaultBackend = F.backend("fallback", port: 80)
        #expect(emit([ingress]).text.contains("location \"/\" {\n            proxy_pass http://default-fallback-http;"))
    }

    @Test func pathDiagnosticPointsAtThePath() {
        var ingress = F.ingress("a", host: "a.test", [("/a b", .prefix, "root")], port: 80)
        let position = SourceRange(file: "ingress.yaml", line: 12, column: 15)
        ingress.rules[0].paths[0].source = position
        let diagnostic = emitDiagnostics([ingress]).first
        #expect(diagnostic?.rule == NginxRuleID.invalidPath)
        #expect(diagnostic?.range == position)
        #expect(diagnostic?.object?.displayName == "Ingress default/a")
        #expect(diagnostic?.path == "spec.rules[0].http.paths[0].path")
    }

    private func emitDiagnostics(_ ingresses: [IngressState]) -> [Diagnostic] {
        var state = ClusterState()
        state.ingresses = ingresses
        return NginxEmitter.emit(state).diagnostics
    }

    @Test func ipv6ListenAddressIsBracketed() {
        var state = ClusterState()
        state.settings.ingress.listenAddress = "::1"
        state.settings.ingress.httpPort = 8080
        state.ingresses = [F.ingress("a", host: "a.test", [("/", .prefix, "root")], port: 80)]
        #expect(NginxEmitter.emit(state).files.first?.text.contains("listen [::1]:8080;") == true)
    }

    @Test func wildcardTLSHostCoversOneLabelHosts() {
        let tls = [IngressTLSState(hosts: ["*.example.test"], secretName: "wild-tls")]
        let text = emit([F.ingress("a", host: "www.example.test", [("/", .prefix, "root")], port: 80, tls: tls)]).text
        #expect(text.contains("ssl_certificate \"/etc/kubec/tls/default/wild-tls/tls.crt\";"))
        #expect(text.contains("ssl_reject_handshake on;"))
    }

    @Test func tlsWithoutSecretNeedsADefaultCertificate() {
        let tls = [IngressTLSState(hosts: ["a.test"], secretName: nil)]
        let without = emit([F.ingress("a", host: "a.test", [("/", .prefix, "root")], port: 80, tls: tls)])
        #expect(without.rules == [NginxRuleID.tlsWithoutSecret])
        #expect(!without.text.contains(" ssl;"))
        var options = NginxOptions()
        options.defaultCertificate = CertificatePaths(certificate: "/d.crt", key: "/d.key")
        let with = emit(
            [F.ingress("a", host: "a.test", [("/", .prefix, "root")], port: 80, tls: tls)], options: options)
        #expect(with.text.contains("ssl_certificate \"/d.crt\";"))
    }

    @Test(arguments: [("GRPC", "grpc_pass grpc://"), ("GRPCS", "grpc_pass grpcs://"), ("HTTPS", "proxy_pass https://")])
    func backendProtocolChoosesThePassDirective(value: String, directive: String) {
        let text = emit([
            F.ingress(
                "a", host: "a.test", [("/", .prefix, "root")], port: 80,
                annotations: ["nginx.ingress.kubernetes.io/backend-protocol": value])
        ]).text
        #expect(text.contains(directive + "default-root-http;"))
    }

    @Test func backendWithoutReadyEndpointsAnswers503() {
        var ingress = F.ingress("a", host: "a.test", [("/", .prefix, "root")], port: 80)
        ingress.rules[0].paths[0].backend.endpoints = []
        let text = emit([ingress]).text
        #expect(text.contains("return 503;"))
        #expect(!text.contains("\n    upstream "))
    }

    @Test func ingressClassOptionFiltersOtherClasses() {
        var other = F.ingress("a", host: "a.test", [("/", .prefix, "root")], port: 80)
        other.className = "traefik"
        var options = NginxOptions()
        options.ingressClass = "nginx"
        #expect(!emit([other], options: options).text.contains("a.test"))
    }

    @Test(arguments: ["/tmp/a\nb", "/tmp/$x", ""])
    func unsafeOptionEmitsNothing(path: String) {
        var options = NginxOptions()
        options.pidPath = path
        let result = emit([], options: options)
        #expect(result.text.isEmpty)
        #expect(result.rules == [NginxRuleID.invalidOption])
    }
}
