import KubeModel
import KubePlan
import KubeYAML

/// Which kube-proxy modes `compile` writes rules for (`--proxy-mode`).
package enum ProxyMode: String, CaseIterable, Sendable {
    case iptables
    case ipvs
    case nftables
    case all
}

/// The files of one compilation, from a complete plan, in a stable order.
package enum CompileOutputs {
    ///
    /// With `set` (the input), nginx.conf is written to run from the output folder as it is (`nginx -p
    /// DIR/ingress -c nginx.conf`): its paths relative to that prefix, and the certificates and keys of the
    /// input's `kubernetes.io/tls` Secrets under it when the Cluster's `ingress.tlsDirectory` is relative.
    package static func emit(
        _ result: PlanResult, nodes: Set<String> = [], proxyMode: ProxyMode = .all, set: ManifestSet? = nil
    ) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        // Admitted once here for the findings and the emitters; each emitter admits again as its own guard.
        let admitted = DataplaneInputGuard.admit(result.state)
        let state = admitted.state
        var files = [
            OutputFile(path: "placement.txt", text: PlanTextRenderer.render(result)),
            OutputFile(path: "placement.json", text: PlanJSONRenderer.render(result)),
            OutputFile(path: "report.html", text: PlacementHTMLRenderer.render(result)),
        ]
        var diagnostics = admitted.diagnostics
        if proxyMode == .iptables || proxyMode == .all {
            // One file per proxier kube-proxy runs: IPv4 always (as CLI.md lists it), IPv6 when the cluster has
            // IPv6 Service or pod addresses.
            for family in IPFamily.allCases where family == .v4 || state.uses(family) {
                var options = IPTablesOptions()
                options.family = family
                options.nodes = nodes.isEmpty ? nil : nodes
                files += IPTablesEmitter(options: options).emit(state)
            }
        }
        if proxyMode == .ipvs || proxyMode == .all {
            var options = IPVSEmitter.Options()
            options.nodes = nodes.isEmpty ? nil : nodes
            files += IPVSEmitter(options: options).emit(state)
        }
        if proxyMode == .nftables || proxyMode == .all {
            var options = NFTablesOptions()
            options.nodes = nodes.isEmpty ? nil : nodes
            let nftables = NFTablesEmitter(options: options).emit(state)
            files += nftables.files
            diagnostics += nftables.diagnostics
        }
        files += PolicyEmitter(nodes: nodes).emit(state)
        let dns = DNSZoneEmitter.emit(state)
        files += dns.files
        diagnostics += dns.diagnostics
        var nginxOptions = NginxOptions()
        if let set {
            let tls = NginxTLSFiles.collect(set, tlsDirectory: state.settings.ingress.tlsDirectory)
            nginxOptions = .relativeToPrefix
            nginxOptions.availableSecrets = tls.available
            files += tls.files
            diagnostics += tls.diagnostics
        }
        let nginx = NginxEmitter.emit(state, options: nginxOptions)
        files += nginx.files
        diagnostics += nginx.diagnostics
        files.sort { $0.path < $1.path }
        let checked = OutputFileCheck.admit(files)
        return (checked.files, diagnostics + checked.diagnostics)
    }

    /// Where the outputs went: one line per folder, with its file count and size.
    package static func summary(_ files: [OutputFile], directory: String) -> String {
        // Per folder (its files' names in input order, and their bytes), in one pass over the files.
        var groups: [String: (names: [String], bytes: Int)] = [:]
        for file in files {
            let parts = file.path.split(separator: "/")
            let group = parts.count > 1 ? parts.dropLast().joined(separator: "/") + "/" : ""
            groups[group, default: ([], 0)].names.append(parts.last.map(String.init) ?? "")
            groups[group, default: ([], 0)].bytes += file.contents.count
        }
        var text = "wrote \(files.count) files to \(directory)/\n"
        for (group, totals) in groups.sorted(by: { $0.key < $1.key }) {
            text += "  \(directory)/\(group)  \(totals.names.joined(separator: ", "))  (\(totals.bytes) bytes)\n"
        }
        return text
    }
}

extension ClusterState {
    /// Whether any Service cluster IP, endpoint or node pod CIDR is of a family.
    func uses(_ family: IPFamily) -> Bool {
        services.contains { service in
            service.clusterIPs.contains(where: family.contains)
                || service.ports.contains { $0.endpoints.contains { family.contains($0.ip) } }
        } || nodes.contains { $0.podCIDRs.contains { family.contains($0.network) } }
    }
}
