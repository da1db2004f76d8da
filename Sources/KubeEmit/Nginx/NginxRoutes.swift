import KubePlan
import KubeYAML

/// What a matched request is sent to, and with which annotations, on behalf of which Ingress.
struct RouteTarget: Hashable, Sendable {
    var namespace: String
    var ingressName: String
    /// Nil answers 404 (no backend configured).
    var backend: IngressBackendState?
    var annotations: NginxAnnotations

    /// True when two targets do the same thing (same Service port and annotations), whoever declared them.
    func behavesLike(_ other: RouteTarget) -> Bool {
        namespace == other.namespace && annotations == other.annotations
            && backend?.serviceName == other.backend?.serviceName && backend?.port == other.backend?.port
    }
}

/// An nginx `location` matcher.
///
/// Keys are unique per server: nginx refuses duplicate exact and prefix locations.
enum LocationKey: Hashable, Sendable {
    /// `location = "path"`.
    case exact(String)
    /// `location "path"` (string prefix, longest wins).
    case prefix(String)
    /// `location ~ "regex"` or `~*` (first match in file order wins).
    case regex(String, caseInsensitive: Bool)
}

/// One claim on a location key; the strongest claim per key wins.
struct LocationCandidate: Sendable {
    var key: LocationKey
    /// Length of the Ingress path as written (the spec's "longest matching path"); -1 for the server default.
    var length: Int
    /// Exact 2, Prefix 1, ImplementationSpecific 0, server default -1: Exact beats Prefix at equal length.
    var rank: Int
    /// Position of the declaring Ingress in (namespace, name) order: first declared wins a tie.
    var order: Int
    var target: RouteTarget
    /// The path as written and its type, for diagnostics.
    var path: String
    var pathType: String
    /// The regex the rewrite-target annotation applies to (anchored, literal for Exact and Prefix).
    var rewriteRegex: String
    var source: SourceRange?

    /// Stronger claims sort first.
    func beats(_ other: LocationCandidate) -> Bool {
        (length, rank, -order) > (other.length, other.rank, -other.order)
    }
}

/// A path as an Ingress declared it, before the host's regex mode is known.
struct DeclaredPath: Sendable {
    var path: String
    var type: IngressPathState.PathType
    var target: RouteTarget
    var order: Int
    var source: SourceRange?
}

/// Everything one nginx `server` block needs: its host, paths, default, TLS and app-root.
struct ServerPlan: Sendable {
    /// Empty for the catch-all server `_`.
    var host: String
    var paths: [DeclaredPath] = []
    var defaultTarget: RouteTarget?
    var certificate: CertificatePaths?
    /// True when `spec.tls` lists the host (ssl-redirect applies by default).
    var isTLSHost = false
    var appRoot: String?
    /// Filled by the planner: the winning location per key, in file order.
    var locations: [LocationCandidate] = []

    var isWildcard: Bool { host.hasPrefix("*.") }
    var regexMode: Bool { paths.contains { $0.target.annotations.forcesRegexMode } }
}
