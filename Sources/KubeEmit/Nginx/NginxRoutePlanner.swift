import KubePlan
import KubeYAML

/// Turns validated Ingresses into server plans: hosts, declared paths, defaults, TLS and app-roots.
///
/// Ingresses are read in (namespace, name) order; anything invalid becomes a diagnostic and is left out,
/// so every string that survives here has passed a grammar or will be quoted by `NginxText`.
struct NginxRoutePlanner {
    private(set) var servers: [String: ServerPlan] = ["": ServerPlan(host: "")]
    private(set) var diagnostics: [Diagnostic] = []
    private let tlsDirectory: String
    private let hasDefaultCertificate: Bool
    private var tlsHosts: [String: (certificate: CertificatePaths?, ingress: String)] = [:]
    private var defaultOwner: [String: String] = [:]

    /// See `NginxOptions.availableSecrets`.
    var availableSecrets: Set<String>?

    init(tlsDirectory: String, hasDefaultCertificate: Bool) {
        self.tlsDirectory = tlsDirectory
        self.hasDefaultCertificate = hasDefaultCertificate
    }

    /// Adds every usable part of the Ingresses, sorted by namespace and name first.
    mutating func add(_ ingresses: [IngressState]) {
        let sorted = ingresses.sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        for (order, ingress) in sorted.enumerated() { add(ingress, order: order) }
        for host in servers.keys where !host.isEmpty {
            guard let tls = tlsFor(host) else { continue }
            servers[host]?.isTLSHost = true
            servers[host]?.certificate = tls
        }
    }

    private mutating func add(_ ingress: IngressState, order: Int) {
        let report = Reporter(ingress: ingress)
        guard IngressInputRules.isLabel(ingress.namespace), IngressInputRules.isSubdomain(ingress.name) else {
            diagnostics.append(
                report.error(
                    NginxRuleID.invalidName, "metadata",
                    "namespace or name is not a valid Kubernetes name; the Ingress is ignored"))
            return
        }
        let parsed = NginxAnnotations.parse(ingress.annotations)
        for finding in parsed.findings {
            diagnostics.append(
                report.make(
                    finding.rule, finding.severity, "metadata.annotations[\(finding.key)]",
                    "annotation \(finding.key) \(finding.message)", range: ingress.annotationSources[finding.key]))
        }
        guard let annotations = parsed.value else { return }
        addTLS(ingress, report: report)

        func target(_ backend: IngressBackendState?, _ field: String) -> RouteTarget? {
            if let backend, let problem = backendProblem(backend) {
                diagnostics.append(report.error(NginxRuleID.invalidName, field, problem))
                return nil
            }
            return RouteTarget(
                namespace: ingress.namespace, ingressName: ingress.name, backend: backend, annotations: annotations)
        }
        var ruleHosts: [String] = []
        for (ruleIndex, rule) in ingress.rules.enumerated() {
            let field = "spec.rules[\(ruleIndex)]"
            if let problem = rule.host.isEmpty ? nil : IngressInputRules.hostProblem(rule.host) {
                diagnostics.append(
                    report.error(
                        NginxRuleID.invalidHost, field + ".host", problem + "; the rule is ignored", range: rule.source)
                )
                continue
            }
            if servers[rule.host] == nil { servers[rule.host] = ServerPlan(host: rule.host) }
            ruleHosts.append(rule.host)
            if let appRoot = annotations.appRoot { setAppRoot(appRoot, host: rule.host, report: report) }
            for (pathIndex, path) in rule.paths.enumerated() {
                let pathField = "\(field).http.paths[\(pathIndex)]"
                if let problem = IngressInputRules.pathProblem(path.path, type: path.pathType) {
                    diagnostics.append(
                        report.error(
                            NginxRuleID.invalidPath, pathField + ".path", problem + "; the path is ignored",
                            range: path.source))
                    continue
                }
                guard let routeTarget = target(path.backend, pathField + ".backend") else { continue }
                let declared = DeclaredPath(
                    path: path.path.isEmpty ? "/" : path.path, type: path.pathType, target: routeTarget, order: order,
                    source: path.source)
                servers[rule.host]?.paths.append(declared)
            }
        }
        guard let defaultBackend = ingress.defaultBackend,
            let routeTarget = target(defaultBackend, "spec.defaultBackend")
        else { return }
        // ingress-nginx: an Ingress without rules supplies the catch-all default; otherwise its hosts' defaults.
        for host in ingress.rules.isEmpty ? [""] : Array(Set(ruleHosts)).sorted() {
            setDefault(routeTarget, host: host, report: report)
        }
    }

    private mutating func addTLS(_ ingress: IngressState, report: Reporter) {
        for (index, entry) in ingress.tls.enumerated() {
            let field = "spec.tls[\(index)]"
            var certificate: CertificatePaths?
            if let secret = entry.secretName {
                guard IngressInputRules.isSubdomain(secret) else {
                    diagnostics.append(
                        report.error(
                            NginxRuleID.invalidName, field + ".secretName",
                            "secretName '\(NginxText.excerpt(secret))' is not a valid Secret name; the TLS entry is ignored"
                        ))
                    continue
                }
                if let available = availableSecrets, !available.contains("\(ingress.namespace)/\(secret)") {
                    diagnostics.append(
                        report.make(
                            NginxRuleID.tlsSecretMissing, .warning, field + ".secretName",
                            "Secret \(ingress.namespace)/\(NginxText.excerpt(secret)) of type kubernetes.io/tls is not in the "
                                + "input; its hosts are served on HTTP only"))
                    continue
                }
                let folder = "\(tlsDirectory)/\(ingress.namespace)/\(secret)"
                certificate = CertificatePaths(certificate: folder + "/tls.crt", key: folder + "/tls.key")
            } else if !hasDefaultCertificate {
                diagnostics.append(
                    report.make(
                        NginxRuleID.tlsWithoutSecret, .warning, field,
                        "TLS entry has no secretName and no default certificate is configured; its hosts are served on HTTP only"
                    ))
                continue
            }
            for (hostIndex, host) in entry.hosts.enumerated() {
                if let problem = IngressInputRules.hostProblem(host) {
                    diagnostics.append(
                        report.error(
                            NginxRuleID.invalidHost, "\(field).hosts[\(hostIndex)]",
                            problem + "; the TLS host is ignored"))
                    continue
                }
                if let existing = tlsHosts[host] {
                    if existing.certificate != certificate {
                        diagnostics.append(
                            report.make(
                                NginxRuleID.settingConflict, .warning, "\(field).hosts[\(hostIndex)]",
                                "TLS host '\(host)' already has a certificate from Ingress \(existing.ingress); this one is ignored"
                            ))
                    }
                    continue
                }
                tlsHosts[host] = (certificate, "\(ingress.namespace)/\(ingress.name)")
            }
        }
    }

    /// The certificate for a server host.
    ///
    /// An exact TLS host, else a one-label wildcard covering it.
    /// `.some(nil)` means the default certificate.
    private func tlsFor(_ host: String) -> CertificatePaths?? {
        if let exact = tlsHosts[host] { return .some(exact.certificate) }
        guard !host.hasPrefix("*."), let dot = host.firstIndex(of: ".") else { return nil }
        if let wildcard = tlsHosts["*" + host[dot...]] { return .some(wildcard.certificate) }
        return nil
    }

    private mutating func setDefault(_ target: RouteTarget, host: String, report: Reporter) {
        if let existing = servers[host]?.defaultTarget {
            if !existing.behavesLike(target) {
                diagnostics.append(
                    report.make(
                        NginxRuleID.settingConflict, .warning, "spec.defaultBackend",
                        "host '\(host.isEmpty ? "_" : host)' already has the default backend of Ingress \(existing.namespace)/\(existing.ingressName); this one is ignored"
                    ))
            }
            return
        }
        servers[host]?.defaultTarget = target
    }

    private mutating func setAppRoot(_ appRoot: String, host: String, report: Reporter) {
        if let existing = servers[host]?.appRoot {
            if existing != appRoot {
                diagnostics.append(
                    report.make(
                        NginxRuleID.settingConflict, .warning, "metadata.annotations",
                        "host '\(host.isEmpty ? "_" : host)' already has app-root '\(existing)'; '\(appRoot)' is ignored"
                    ))
            }
            return
        }
        servers[host]?.appRoot = appRoot
    }

    private func backendProblem(_ backend: IngressBackendState) -> String? {
        guard IngressInputRules.isLabel(backend.serviceName) else {
            return "service name '\(NginxText.excerpt(backend.serviceName))' is not a DNS label; the backend is ignored"
        }
        switch backend.port {
        case .number(let number) where !(1...65535).contains(number):
            return "service port \(number) is not in 1-65535; the backend is ignored"
        case .name(let name) where !IngressInputRules.isPortName(name):
            return "service port name '\(NginxText.excerpt(name))' is not an IANA service name; the backend is ignored"
        default: return nil
        }
    }
}
