import KubeModel
import KubePlan
import KubeYAML

/// Emits `ingress/nginx.conf`: a complete configuration for plain nginx (no Lua, no includes) that routes
/// like ingress-nginx where the Ingress spec allows it and like the spec where ingress-nginx deviates.
///
/// Structure: main context (pid, error log, `daemon off`), `events`, then `http` with fixed proxy defaults,
/// the sticky-cookie maps, one `upstream` per backend Service port, the catch-all server `_`, one server per
/// exact host (sorted) and one per wildcard host (a one-label regex `server_name`, sorted). No manifest text
/// appears in comments, and every manifest string is either grammar-checked or a single escaped quoted token.
///
/// Deliberate differences from ingress-nginx, each because plain nginx or the spec asks for it:
/// - Exact and Prefix keep their spec meaning on hosts in regex mode (ingress-nginx turns them into
///   case-insensitive string prefixes); ImplementationSpecific is ingress-nginx's `~*` regex there.
/// - Prefix `/foo/` also matches `/foo`, as the spec's table says.
/// - Backends are static `upstream` blocks of ready endpoints (no Lua balancer); a backend without ready
///   endpoints answers 503, a location without backend 404.
/// - Cookie affinity is `hash` on a cookie the location sets from `$request_id` (no Lua); only
///   session-cookie-name and session-cookie-path are supported.
/// - The HTTPS redirect keeps the trailing slash and the configured HTTPS port, and has no ACME exemption.
/// - TLS handshakes for names without a certificate are refused (`ssl_reject_handshake`) unless a default
///   certificate is configured; ingress-nginx serves its self-signed "Fake Certificate".
package enum NginxEmitter {
    /// Builds `ingress/nginx.conf` for the Ingresses in `state`.
    ///
    /// Invalid parts of an Ingress become diagnostics and are left out; an Ingress with an invalid annotation or a
    /// snippet is left out whole. Invalid options (an unquotable path, a non-IP listen address) emit nothing.
    package static func emit(_ state: ClusterState, options: NginxOptions = NginxOptions()) -> (
        files: [OutputFile], diagnostics: [Diagnostic]
    ) {
        let state = options.inputAdmitted ? state : DataplaneInputGuard.admit(state).state
        let settings = state.settings.ingress
        if let problem = optionsProblem(settings, options) {
            return ([], [Diagnostic(rule: NginxRuleID.invalidOption, severity: .error, message: problem)])
        }
        let ingresses = state.ingresses.filter {
            options.ingressClass == nil || $0.className == nil || $0.className == options.ingressClass
        }
        var planner = NginxRoutePlanner(
            tlsDirectory: settings.tlsDirectory, hasDefaultCertificate: options.defaultCertificate != nil)
        planner.availableSecrets = options.availableSecrets
        planner.add(ingresses)
        var diagnostics = planner.diagnostics
        var byKey: [String: IngressState] = [:]
        for ingress in ingresses { byKey["\(ingress.namespace)/\(ingress.name)"] = ingress }
        let sorted = planner.servers.values.sorted(by: serverOrder)
        // Servers are independent once planned: resolve and print them in two halves on two cores, in order.
        let chunks = chunked(sorted.count)
        let resolved = ParallelSlots.map(chunks.count) { index -> (servers: [ServerPlan], diagnostics: [Diagnostic]) in
            var servers = Array(sorted[chunks[index]])
            var found: [Diagnostic] = []
            for position in servers.indices {
                NginxLocationResolver.resolve(&servers[position], diagnostics: &found, ingresses: byKey)
            }
            return (servers, found)
        }
        let servers = resolved.flatMap(\.servers)
        diagnostics += resolved.flatMap(\.diagnostics)
        let upstreams = NginxUpstreams(servers: servers)
        var writer = NginxConfigWriter(settings: settings, options: options, upstreams: upstreams)
        writer.writeMain()
        writer.writeHTTPHeader(stickyCookies: Set(upstreams.upstreams.compactMap(\.stickyCookie)).sorted())
        for upstream in upstreams.upstreams { writer.writeUpstream(upstream) }
        let anyTLS = servers.contains { $0.certificate != nil || ($0.isTLSHost && options.defaultCertificate != nil) }
        let blocks = ParallelSlots.map(chunks.count) { index -> String in
            var part = NginxConfigWriter(settings: settings, options: options, upstreams: upstreams)
            for server in servers[chunks[index]] { part.writeServer(server, catchAllTLS: anyTLS) }
            return part.text
        }
        var text = writer.text
        for block in blocks { text += block }
        text += "}\n"
        return ([OutputFile(path: "ingress/nginx.conf", text: text)], diagnostics)
    }

    /// One range for small inputs, two halves from 256 servers on.
    private static func chunked(_ count: Int) -> [Range<Int>] {
        count < 256 ? [0..<count] : [0..<count / 2, count / 2..<count]
    }

    /// Catch-all first, then exact hosts, then wildcard hosts, each alphabetically.
    private static func serverOrder(_ lhs: ServerPlan, _ rhs: ServerPlan) -> Bool {
        (lhs.host.isEmpty ? 0 : lhs.isWildcard ? 2 : 1, lhs.host) < (
            rhs.host.isEmpty ? 0 : rhs.isWildcard ? 2 : 1, rhs.host
        )
    }

    private static func optionsProblem(_ settings: IngressSettings, _ options: NginxOptions) -> String? {
        guard IPAddress(settings.listenAddress) != nil else {
            return "ingress listen address '\(NginxText.excerpt(settings.listenAddress))' is not an IP address"
        }
        for port in [settings.httpPort, settings.httpsPort] where !(1...65535).contains(port) {
            return "ingress port \(port) is not in 1-65535"
        }
        var paths = [options.pidPath, options.errorLogPath, options.tempDirectory, settings.tlsDirectory]
        paths += [
            options.accessLogPath, options.user, options.defaultCertificate?.certificate,
            options.defaultCertificate?.key,
        ].compactMap { $0 }
        for path in paths {
            if let refusal = NginxText.refusal(path) {
                return "nginx option '\(NginxText.excerpt(path))' \(NginxText.describe(refusal))"
            }
            if path.contains("$") { return "nginx option '\(NginxText.excerpt(path))' contains '$'" }
        }
        if let workers = options.workerProcesses, !(1...1024).contains(workers) {
            return "worker_processes \(workers) is not in 1-1024"
        }
        return nil
    }
}
