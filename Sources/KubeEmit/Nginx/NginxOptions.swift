/// Operator-side settings of the generated nginx.conf: where nginx keeps its pid, logs and temp files.
///
/// Listen address, ports and the TLS directory come from `ClusterSettings.ingress`; these are the paths a
/// test overrides to run nginx unprivileged in a temp folder. All of them are quoted like manifest text.
package struct NginxOptions: Sendable, Hashable {
    package var pidPath = "/run/kubec-nginx.pid"
    package var errorLogPath = "/var/log/nginx/kubec-error.log"
    /// Nil turns the access log off.
    package var accessLogPath: String? = "/var/log/nginx/kubec-access.log"
    /// Parent of `client_body`, `proxy`, `fastcgi`, `uwsgi` and `scgi` temp folders.
    package var tempDirectory = "/var/lib/kubec-nginx"
    /// `worker_processes`; nil means `auto`.
    package var workerProcesses: Int?
    /// Emit `daemon off;` so nginx stays in the foreground (as ingress-nginx runs it).
    package var foreground = true
    /// `user` directive; nil leaves nginx's compiled-in default.
    package var user: String?
    /// Only Ingresses of this class (`spec.ingressClassName` or the legacy annotation) are served; nil serves all.
    package var ingressClass: String?
    /// Certificate and key for TLS handshakes whose SNI names no TLS host; nil rejects those handshakes.
    package var defaultCertificate: CertificatePaths?

    /// The `kubernetes.io/tls` Secrets of the input (`namespace/name`); a TLS entry naming another Secret is a
    /// warning and its hosts are served on HTTP only, rather than a config nginx refuses. Nil checks nothing.
    package var availableSecrets: Set<String>?
    /// Whether the caller admitted the state already (`CompileOutputs` admits once for every emitter), so that
    /// `emit` does not run the same checks again.
    var inputAdmitted = false

    /// Defaults for a system nginx: pid in /run, logs in /var/log/nginx, temp files in /var/lib/kubec-nginx.
    package init() {}

    /// Paths relative to nginx's prefix (`nginx -p DIR -c nginx.conf`), as `kubec compile` writes them: the
    /// configuration runs from the output folder as it is, with nothing to create beforehand.
    package static var relativeToPrefix: NginxOptions {
        var options = NginxOptions()
        options.pidPath = "nginx.pid"
        options.errorLogPath = "error.log"
        options.accessLogPath = "access.log"
        // nginx creates each temp folder at start, but not their parents: keep them at the prefix itself.
        options.tempDirectory = "."
        return options
    }
}

/// A PEM certificate and key on the nginx host.
package struct CertificatePaths: Sendable, Hashable {
    package var certificate: String
    package var key: String

    /// Paths of a PEM certificate chain and its private key.
    package init(certificate: String, key: String) {
        self.certificate = certificate
        self.key = key
    }
}

/// The rule ids of the nginx emitter's diagnostics.
package enum NginxRuleID {
    /// A host in `spec.rules` or `spec.tls` is not a DNS name; the rule or TLS entry is left out.
    package static let invalidHost = "nginx-invalid-host"
    /// A path fails the API's or ingress-nginx's checks, or its regex does not compile; the path is left out.
    package static let invalidPath = "nginx-invalid-path"
    /// A namespace, Ingress, Service, port or Secret name is not valid; the part using it is left out.
    package static let invalidName = "nginx-invalid-name"
    /// An annotation value fails its grammar; the Ingress is refused.
    package static let invalidAnnotation = "nginx-invalid-annotation"
    /// A `*-snippet` annotation; the Ingress is refused.
    package static let snippetRefused = "nginx-snippet-refused"
    /// An annotation kubec does not implement.
    package static let unsupportedAnnotation = "nginx-unsupported-annotation"
    /// Two Ingresses claim the same host and path with different backends; the first (namespace/name) wins.
    package static let pathConflict = "nginx-path-conflict"
    /// Conflicting TLS secrets, default backends or app-roots for one host; the first wins.
    package static let settingConflict = "nginx-setting-conflict"
    /// A TLS host without `secretName`: without a default certificate it is served on HTTP only.
    package static let tlsWithoutSecret = "nginx-tls-without-secret"
    /// A TLS entry names a Secret that is not in the input (or not of type kubernetes.io/tls): HTTP only.
    package static let tlsSecretMissing = "nginx-tls-secret-missing"
    /// An emitter option (path, address) cannot be written safely; nothing is emitted.
    package static let invalidOption = "nginx-invalid-option"
}
