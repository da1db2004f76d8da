import KubePlan

extension NginxConfigWriter {
    /// Writes one `server` block: listens, name, TLS, app-root and its locations in file order.
    mutating func writeServer(_ server: ServerPlan, catchAllTLS: Bool) {
        let certificate = server.certificate ?? (server.isTLSHost ? options.defaultCertificate : nil)
        line(1, "server {")
        if server.host.isEmpty {
            line(2, "listen \(listen(settings.httpPort)) default_server;")
            if catchAllTLS {
                line(2, "listen \(listen(settings.httpsPort)) ssl default_server;")
                if let fallback = options.defaultCertificate {
                    writeCertificate(fallback)
                } else {
                    line(2, "ssl_reject_handshake on;")
                }
            }
            line(2, "server_name \"_\";")
        } else {
            line(2, "listen \(listen(settings.httpPort));")
            if certificate != nil { line(2, "listen \(listen(settings.httpsPort)) ssl;") }
            line(2, "server_name \(quote(serverName(server.host)));")
            if let certificate { writeCertificate(certificate) }
        }
        if let appRoot = server.appRoot {
            line(2, "if ($uri = \"/\") {")
            line(3, "return 302 \(quote(appRoot));")
            line(2, "}")
        }
        for location in server.locations {
            writeLocation(location, httpsServed: certificate != nil)
        }
        line(1, "}")
        line(0, "")
    }

    /// An exact host as is; `*.foo.com` as a regex matching exactly one label (nginx's `*.` matches several).
    private func serverName(_ host: String) -> String {
        guard host.hasPrefix("*.") else { return host }
        return "~^[^.]+" + NginxText.regexLiteral(String(host.dropFirst())) + "$"
    }

    private mutating func writeCertificate(_ certificate: CertificatePaths) {
        line(2, "ssl_certificate \(quote(certificate.certificate));")
        line(2, "ssl_certificate_key \(quote(certificate.key));")
    }

    private mutating func writeLocation(_ location: LocationCandidate, httpsServed: Bool) {
        let annotations = location.target.annotations
        switch location.key {
        case .exact(let path): line(2, "location = \(quote(path)) {")
        case .prefix(let path): line(2, "location \(quote(path)) {")
        case .regex(let pattern, let caseInsensitive):
            line(2, "location \(caseInsensitive ? "~*" : "~") \(quote(pattern)) {")
        }
        if let ranges = annotations.allowSourceRanges {
            for range in ranges { line(3, "allow \(range);") }
            line(3, "deny all;")
        }
        if (httpsServed && annotations.sslRedirect ?? true) || annotations.forceSSLRedirect {
            let port = settings.httpsPort == 443 ? "" : ":\(settings.httpsPort)"
            line(3, "if ($scheme = \"http\") {")
            line(4, "return 308 \"https://$host\(port)$request_uri\";")
            line(3, "}")
        }
        if let redirect = annotations.redirect {
            line(3, "return \(redirect.code) \(quote(redirect.url));")
            line(2, "}")
            return
        }
        if let target = annotations.rewriteTarget {
            line(3, "rewrite \(quote(location.rewriteRegex)) \(quote(target)) break;")
        }
        if let size = annotations.proxyBodySize { line(3, "client_max_body_size \(size);") }
        let grpc = annotations.backendProtocol == .grpc || annotations.backendProtocol == .grpcs
        let prefix = grpc ? "grpc" : "proxy"
        if let seconds = annotations.connectTimeout { line(3, "\(prefix)_connect_timeout \(seconds)s;") }
        if let seconds = annotations.sendTimeout { line(3, "\(prefix)_send_timeout \(seconds)s;") }
        if let seconds = annotations.readTimeout { line(3, "\(prefix)_read_timeout \(seconds)s;") }
        if let sticky = annotations.sticky {
            line(
                3,
                "add_header Set-Cookie \"\(sticky.name)=$kubec_sticky_\(sticky.name); Path=\(sticky.path); HttpOnly\" always;"
            )
        }
        if location.target.backend == nil {
            line(3, "return 404;")
        } else if let upstream = upstreams.name(for: location.target) {
            switch annotations.backendProtocol {
            case .http: line(3, "proxy_pass http://\(upstream);")
            case .https: line(3, "proxy_pass https://\(upstream);")
            case .grpc: line(3, "grpc_pass grpc://\(upstream);")
            case .grpcs: line(3, "grpc_pass grpcs://\(upstream);")
            }
        } else {
            line(3, "return 503;")  // ingress-nginx answers 503 when a backend has no ready endpoint
        }
        line(2, "}")
    }
}
