import Foundation
import KubePlan
import Testing

@testable import KubeEmit

/// The ingress-nginx CVE shapes (ingress-and-dns.md §3) against every field that reaches nginx.conf: each
/// payload must yield an error diagnostic or a safely quoted literal, never an extra directive.
@Suite("nginx emitter: injection")
struct NginxEmitterInjectionTests {
    static let marker = "evil_directive"

    /// Payload shapes: control characters, syntax characters, quotes, backslashes, variables, directive-shaped
    /// text, comments, very long values, Unicode and bidi text.
    static let payloads: [String] = [
        "/a\n\(marker) on;", "/a\r\(marker) on;", "/a\t\(marker)", "/a\u{0}\(marker)", "/a;\(marker) on;",
        "/a{ \(marker) on; }", "/a}\n\(marker) on; location /b {", "/a\" \(marker) \"", "/a' \(marker) '",
        "/a\\", "/a\\\"; \(marker) on; #", "/a #\(marker)", "/a $\(marker) ${\(marker)}",
        "/var/run/secrets/kubernetes.io/serviceaccount/token; alias /etc/; \(marker)",
        "/x ssl_engine /tmp/e.so; \(marker)",
        "/" + String(repeating: "a", count: 5000) + marker, "/é\u{202E}\(marker)", "/\u{85}\(marker)",
    ]

    static let fields =
        [
            "path-exact", "path-prefix", "path-implementation-specific", "path-regex", "host", "tls-host",
            "secret-name",
            "service-name", "port-name", "ingress-name",
        ] + NginxAnnotations.supportedKeys.sorted()

    /// One Ingress per payload with the payload placed in `field`.
    static func state(field: String) -> ClusterState {
        var state = ClusterState()
        state.settings.ingress.listenAddress = "127.0.0.1"
        for (index, payload) in payloads.enumerated() {
            let name = field == "ingress-name" ? payload : "ing-\(index)"
            var path = IngressPathState(
                path: "/p\(index)", pathType: .prefix,
                backend: IngressBackendState(
                    serviceName: "svc", port: .number(80), endpoints: [EndpointState(ip: .v4(0x7F00_0101), port: 8080)])
            )
            var host = "h\(index).test"
            var tls: [IngressTLSState] = []
            var annotations: [String: String] = [:]
            switch field {
            case "path-exact": path.path = payload; path.pathType = .exact
            case "path-prefix": path.path = payload
            case "path-implementation-specific": path.path = payload; path.pathType = .implementationSpecific
            case "path-regex":
                path.path = payload
                path.pathType = .implementationSpecific
                annotations["nginx.ingress.kubernetes.io/use-regex"] = "true"
            case "host": host = "x" + payload
            case "tls-host": tls = [IngressTLSState(hosts: [payload], secretName: "s")]
            case "secret-name": tls = [IngressTLSState(hosts: [host], secretName: payload)]
            case "service-name": path.backend.serviceName = payload
            case "port-name": path.backend.port = .name(payload)
            case "ingress-name": break
            default: annotations[NginxAnnotations.prefix + field] = String(payload.dropFirst())
            }
            let rule = IngressRuleState(host: host, paths: [path])
            state.ingresses.append(
                IngressState(namespace: "default", name: name, rules: [rule], tls: tls, annotations: annotations))
        }
        return state
    }

    @Test(arguments: fields)
    func payloadNeverBecomesADirective(field: String) throws {
        let result = NginxEmitter.emit(Self.state(field: field))
        let text = result.files.first?.text ?? ""
        let statements = try NginxConfigLexer.statements(text)
        let names = Set(statements.map { $0.first ?? "" })
        #expect(!names.contains(Self.marker))
        #expect(
            names.isSubset(of: NginxConfigLexer.templateDirectives),
            "unexpected directives: \(names.subtracting(NginxConfigLexer.templateDirectives))")
        // Every payload is either refused with an error, or survives as exactly one token equal to itself.
        let tokens = Set(statements.flatMap { $0 })
        let refusedIngresses = Set(result.diagnostics.filter { $0.severity == .error }.compactMap { $0.object?.name })
        for (index, payload) in Self.payloads.enumerated() {
            let name = field == "ingress-name" ? payload : "ing-\(index)"
            let survived = tokens.contains { $0.contains(Self.marker) }
            if !refusedIngresses.contains(name) {
                #expect(survived, "payload \(index) in \(field) was neither refused nor emitted")
                #expect(
                    tokens.contains(payload) || tokens.contains("^" + payload) || field == "path-regex",
                    "payload \(index) in \(field) does not round-trip as one token")
            }
        }
    }

    @Test(arguments: ["path-implementation-specific", "path-regex"])
    func nginxAcceptsQuotedFreeTextPaths(field: String) throws {
        try #require(DNSNginxTools.find("nginx") != nil)
        let result = try NginxConfigCheck.test(Self.state(field: field))
        #expect(result.status == 0, "nginx -t failed:\n\(result.output)")
    }

    @Test(arguments: NginxAnnotations.snippetKeys.sorted())
    func snippetAnnotationRefusesTheIngress(key: String) {
        var state = NginxEmitterFixture.state()
        state.ingresses = [
            NginxEmitterFixture.ingress(
                "snip", host: "s.test", [("/", .prefix, "root")], port: 80,
                annotations: [NginxAnnotations.prefix + key: "return 200;"])
        ]
        let result = NginxEmitter.emit(state)
        #expect(result.diagnostics.map(\.rule) == [NginxRuleID.snippetRefused])
        #expect(!(result.files.first?.text.contains("s.test") ?? true))
    }
}

/// A tokenizer following ngx_conf_file.c `ngx_conf_read_token`, to see the config as nginx sees it.
enum NginxConfigLexer {
    struct SyntaxError: Error {
        var message: String
    }

    /// Every directive name the emitter's template can produce.
    static let templateDirectives: Set<String> = [
        "daemon", "worker_processes", "pid", "error_log", "events", "worker_connections", "http", "default_type",
        "access_log",
        "client_body_temp_path", "proxy_temp_path", "fastcgi_temp_path", "uwsgi_temp_path", "scgi_temp_path",
        "server_tokens",
        "server_names_hash_max_size", "server_names_hash_bucket_size", "variables_hash_max_size", "keepalive_timeout",
        "client_max_body_size", "port_in_redirect", "ssl_protocols", "ssl_session_tickets", "proxy_connect_timeout",
        "proxy_send_timeout", "proxy_read_timeout", "proxy_http_version", "proxy_buffering", "proxy_redirect",
        "proxy_next_upstream", "proxy_next_upstream_tries", "proxy_set_header", "map", "default", "\"\"", "upstream",
        "hash",
        "server", "listen", "server_name", "ssl_certificate", "ssl_certificate_key", "ssl_reject_handshake", "if",
        "return",
        "location", "allow", "deny", "rewrite", "add_header", "proxy_pass", "grpc_pass", "grpc_connect_timeout",
        "grpc_send_timeout", "grpc_read_timeout", "user",
    ]

    /// Statements as token lists (quotes removed and escapes decoded); block openers count as statements.
    static func statements(_ text: String) throws -> [[String]] {
        var result: [[String]] = []
        var current: [String] = []
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.first {
            switch scalar {
            case " ", "\t", "\r", "\n": scalars.removeFirst()
            case ";", "{":
                scalars.removeFirst()
                result.append(current)
                current = []
            case "}":
                scalars.removeFirst()
                guard current.isEmpty else { throw SyntaxError(message: "unexpected }") }
            case "#" where current.isEmpty || true:
                while let next = scalars.first, next != "\n" { scalars.removeFirst() }
            case "\"", "'":
                scalars.removeFirst()
                var token = ""
                while true {
                    guard let next = scalars.popFirst() else { throw SyntaxError(message: "unterminated quote") }
                    if next == scalar { break }
                    if next == "\\", let escaped = scalars.popFirst() {
                        switch escaped {
                        case "\"", "'", "\\": token.unicodeScalars.append(escaped)
                        case "t": token += "\t"
                        case "r": token += "\r"
                        case "n": token += "\n"
                        default: token += "\\"; token.unicodeScalars.append(escaped)
                        }
                        continue
                    }
                    token.unicodeScalars.append(next)
                }
                guard let after = scalars.first, " \t\r\n;{".unicodeScalars.contains(after) else {
                    throw SyntaxError(message: "no space after quoted token")
                }
                current.append(token.isEmpty ? "\"\"" : token)
            default:
                var token = ""
                while let next = scalars.first, !" \t\r\n;{".unicodeScalars.contains(next) {
                    if next == "\\" { scalars.removeFirst() }
                    if let char = scalars.popFirst() { token.unicodeScalars.append(char) }
                }
                current.append(token)
            }
        }
        guard current.isEmpty else { throw SyntaxError(message: "unterminated statement") }
        return result
    }
}
