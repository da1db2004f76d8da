import KubeModel
import KubePlan

/// The Ingresses the nginx emitter tests share: one host per row of the Kubernetes docs' path-matching
/// table, a wildcard host, a catch-all default backend, a rewrite and a TLS host.
///
/// Every Service has one endpoint in 127.0.1.0/24, so the end-to-end test can stand pods up on loopback.
enum NginxEmitterFixture {
    typealias Path = (path: String, type: IngressPathState.PathType, service: String)

    /// Service name → endpoint IP.
    static let backends: [String: String] = {
        let names = [
            "root", "exact-foo", "prefix-foo", "prefix-foo-slash", "aaa-bb", "aaa-bbb", "aaa-bbb-slash", "aaa",
            "mixed-exact",
            "mixed-prefix", "wild", "fallback", "rewrite", "secure", "is-conf", "sticky", "moved", "odd",
        ]
        var result: [String: String] = [:]
        for (index, name) in names.enumerated() { result[name] = "127.0.1.\(index + 1)" }
        return result
    }()

    /// An ImplementationSpecific path with every character nginx's lexer treats specially, to prove it round-trips.
    static let oddPath = "/odd\"q\\s p{x};#$y'"

    static func backend(_ service: String, port: Int) -> IngressBackendState {
        let ip = IPAddress(backends[service] ?? "127.0.1.250") ?? .v4(0)
        return IngressBackendState(
            serviceName: service, port: .name("http"), endpoints: [EndpointState(ip: ip, port: port)])
    }

    static func ingress(
        _ name: String, host: String, _ paths: [Path], port: Int, annotations: [String: String] = [:],
        tls: [IngressTLSState] = [], namespace: String = "default"
    ) -> IngressState {
        let rule = IngressRuleState(
            host: host,
            paths: paths.map {
                IngressPathState(path: $0.path, pathType: $0.type, backend: backend($0.service, port: port))
            })
        return IngressState(namespace: namespace, name: name, rules: [rule], tls: tls, annotations: annotations)
    }

    /// The cluster, with backends listening on `port`, nginx on `httpPort`/`httpsPort` and certificates under `tlsDirectory`.
    static func state(
        port: Int = 8080, httpPort: Int = 80, httpsPort: Int = 443, tlsDirectory: String = "/etc/kubec/tls"
    ) -> ClusterState {
        var state = ClusterState()
        state.settings.ingress.listenAddress = "127.0.0.1"
        state.settings.ingress.httpPort = httpPort
        state.settings.ingress.httpsPort = httpsPort
        state.settings.ingress.tlsDirectory = tlsDirectory
        state.ingresses = [
            ingress("root", host: "root.test", [("/", .prefix, "root")], port: port),
            ingress("exact", host: "exact.test", [("/foo", .exact, "exact-foo")], port: port),
            ingress("exact-slash", host: "exact-slash.test", [("/foo/", .exact, "exact-foo")], port: port),
            ingress("prefix", host: "prefix.test", [("/foo", .prefix, "prefix-foo")], port: port),
            ingress("prefix-slash", host: "prefix-slash.test", [("/foo/", .prefix, "prefix-foo-slash")], port: port),
            ingress("bb", host: "bb.test", [("/aaa/bb", .prefix, "aaa-bb")], port: port),
            ingress("bbb", host: "bbb.test", [("/aaa/bbb", .prefix, "aaa-bbb")], port: port),
            ingress("bbb-slash", host: "bbb-slash.test", [("/aaa/bbb/", .prefix, "aaa-bbb-slash")], port: port),
            ingress("multi", host: "multi.test", [("/", .prefix, "root"), ("/aaa", .prefix, "aaa")], port: port),
            ingress("multi-more", host: "multi.test", [("/aaa/bbb", .prefix, "aaa-bbb")], port: port),
            ingress("noroot", host: "noroot.test", [("/aaa", .prefix, "aaa")], port: port),
            ingress(
                "mixed", host: "mixed.test", [("/foo", .prefix, "mixed-prefix"), ("/foo", .exact, "mixed-exact")],
                port: port),
            ingress(
                "both-slashes", host: "both.test",
                [("/foo", .prefix, "prefix-foo"), ("/foo/", .prefix, "prefix-foo-slash")], port: port),
            ingress("wild", host: "*.wild.test", [("/", .prefix, "wild")], port: port),
            ingress("conf", host: "conf.test", [("/config", .implementationSpecific, "is-conf")], port: port),
            ingress(
                "rewrite", host: "rewrite.test", [("/api(/|$)(.*)", .implementationSpecific, "rewrite")], port: port,
                annotations: [
                    "nginx.ingress.kubernetes.io/rewrite-target": "/$2",
                    "nginx.ingress.kubernetes.io/use-regex": "true",
                ]),
            ingress(
                "secure", host: "secure.test", [("/", .prefix, "secure")], port: port,
                tls: [IngressTLSState(hosts: ["secure.test"], secretName: "secure-tls")]),
            ingress(
                "sticky", host: "sticky.test", [("/", .prefix, "sticky")], port: port,
                annotations: [
                    "nginx.ingress.kubernetes.io/affinity": "cookie",
                    "nginx.ingress.kubernetes.io/proxy-body-size": "8m",
                    "nginx.ingress.kubernetes.io/proxy-read-timeout": "120",
                    "nginx.ingress.kubernetes.io/whitelist-source-range": "127.0.0.0/8, 10.0.0.1",
                ]),
            ingress(
                "moved", host: "moved.test", [("/", .prefix, "moved")], port: port,
                annotations: [
                    "nginx.ingress.kubernetes.io/permanent-redirect": "https://example.com/new?x=1",
                    "nginx.ingress.kubernetes.io/app-root": "/app",
                ]),
            ingress(
                "regex-mixed", host: "regex.test",
                [
                    ("/foo", .exact, "mixed-exact"), ("/aaa/bbb", .prefix, "aaa-bbb"),
                    ("/re[0-9]+", .implementationSpecific, "is-conf"),
                ],
                port: port, annotations: ["nginx.ingress.kubernetes.io/use-regex": "true"]),
            ingress("odd", host: "odd.test", [(oddPath, .implementationSpecific, "odd")], port: port),
            IngressState(namespace: "default", name: "fallback", defaultBackend: backend("fallback", port: port)),
        ]
        return state
    }
}
