import KubePlan

/// The supported subset of `nginx.ingress.kubernetes.io/*` annotations, each parsed by a strict grammar.
///
/// Supported: rewrite-target, use-regex, ssl-redirect, force-ssl-redirect, backend-protocol (HTTP, HTTPS,
/// GRPC, GRPCS), proxy-body-size, proxy-connect/read/send-timeout, allowlist-source-range (and its alias
/// whitelist-source-range), app-root, permanent-redirect(-code), temporal-redirect(-code), affinity `cookie`
/// with session-cookie-name and session-cookie-path. Snippets are refused. Other keys under the prefix are
/// ignored with a warning, except access-control ones (auth-*, denylist-source-range, limit-*, satisfy)
/// whose silent loss would open access: those refuse the whole Ingress, as does any invalid value.
struct NginxAnnotations: Hashable, Sendable {
    /// `backend-protocol`: how nginx talks to the endpoints.
    enum BackendProtocol: String, Hashable, Sendable {
        case http = "HTTP"
        case https = "HTTPS"
        case grpc = "GRPC"
        case grpcs = "GRPCS"
    }

    /// `return <code> "<url>"` instead of proxying (permanent-redirect, temporal-redirect).
    struct Redirect: Hashable, Sendable {
        var code: Int
        var url: String
    }

    /// Sticky sessions by cookie (`affinity: cookie`).
    struct StickyCookie: Hashable, Sendable {
        var name: String
        var path: String
    }

    var rewriteTarget: String?
    var useRegex = false
    /// Nil means the default: redirect when the host is in `spec.tls`.
    var sslRedirect: Bool?
    var forceSSLRedirect = false
    var backendProtocol = BackendProtocol.http
    var proxyBodySize: String?
    var connectTimeout: Int?
    var readTimeout: Int?
    var sendTimeout: Int?
    /// Canonical CIDRs; nil when the annotation is absent.
    var allowSourceRanges: [String]?
    var appRoot: String?
    var redirect: Redirect?
    var sticky: StickyCookie?
    /// Raw `permanent-redirect-code` and `temporal-redirect-code`, folded into `redirect` after parsing.
    var redirectCodes: [Int?] = [nil, nil]
    /// Raw `session-cookie-name` and `session-cookie-path`, folded into `sticky` after parsing.
    var cookieName: String?
    var cookiePath: String?

    /// True when this Ingress turns the host into regex mode (ingress-nginx: use-regex or rewrite-target).
    var forcesRegexMode: Bool { useRegex || rewriteTarget != nil }
}

extension NginxAnnotations {
    static let prefix = "nginx.ingress.kubernetes.io/"

    /// Annotations that are raw nginx directives: always refused (ingress-nginx risk "Critical").
    static let snippetKeys: Set<String> = [
        "configuration-snippet", "server-snippet", "stream-snippet", "modsecurity-snippet", "auth-snippet",
    ]

    /// Unsupported keys whose loss would silently open access: the Ingress is refused instead.
    static func isAccessControl(_ key: String) -> Bool {
        key.hasPrefix("auth-") || key.hasPrefix("limit-") || key == "denylist-source-range" || key == "satisfy"
            || key.hasPrefix("enable-modsecurity") || key.hasPrefix("global-auth")
            || key.hasPrefix("enable-global-auth")
    }

    static let supportedKeys: Set<String> = [
        "rewrite-target", "use-regex", "ssl-redirect", "force-ssl-redirect", "backend-protocol", "proxy-body-size",
        "proxy-connect-timeout", "proxy-read-timeout", "proxy-send-timeout", "whitelist-source-range",
        "allowlist-source-range", "app-root", "permanent-redirect", "permanent-redirect-code", "temporal-redirect",
        "temporal-redirect-code", "affinity", "session-cookie-name", "session-cookie-path",
    ]
}
