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
///
/// The emitters are independent pure functions of the plan, so they run side by side on every core; each file
/// goes to the sink as soon as it is made (a node's rules are not kept once written), and nothing about the
/// result depends on which emitter finishes first.
package enum CompileOutputs {
    /// Every file, sorted by path, and the emitters' findings.
    ///
    /// With `set` (the input), nginx.conf is written to run from the output folder as it is (`nginx -p
    /// DIR/ingress -c nginx.conf`): its paths relative to that prefix, and the certificates and keys of the
    /// input's `kubernetes.io/tls` Secrets under it when the Cluster's `ingress.tlsDirectory` is relative.
    package static func emit(
        _ result: PlanResult, nodes: Set<String> = [], proxyMode: ProxyMode = .all, set: ManifestSet? = nil
    ) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let collected = FileCollector()
        let diagnostics = emit(result, nodes: nodes, proxyMode: proxyMode, set: set, into: collected.add).diagnostics
        return (collected.files.sorted { $0.path < $1.path }, diagnostics)
    }

    /// Emits every file into `sink` (called from several threads, once per file that passes `OutputFileCheck`)
    /// and returns what was written, sorted by path, the findings in a fixed order, and the sink's first error
    /// (after which nothing more was handed to it).
    package static func emit(
        _ result: PlanResult, nodes: Set<String> = [], proxyMode: ProxyMode = .all, set: ManifestSet? = nil,
        into sink: @escaping OutputSink
    ) -> (written: [WrittenFile], diagnostics: [Diagnostic], failure: (any Error)?) {
        // Admitted once here for the findings and for every emitter (each admits by itself when called alone).
        let admitted = DataplaneInputGuard.admit(result.state)
        let state = admitted.state
        let delivery = OutputDelivery(sink: sink)
        let selected: Set<String>? = nodes.isEmpty ? nil : nodes
        typealias Job = @Sendable () -> [Diagnostic]
        // Findings keep this list's order; the long jobs (`startsFirst`) start before the others.
        var jobs: [Job] = [
            { delivery.deliver(OutputFile(path: "report.html", text: PlacementHTMLRenderer.render(result))); return [] },
            { delivery.deliver(OutputFile(path: "placement.txt", text: PlanTextRenderer.render(result))); return [] },
            { delivery.deliver(OutputFile(path: "placement.json", text: PlanJSONRenderer.render(result))); return [] },
        ]
        var startsFirst: [Int] = []
        if proxyMode == .iptables || proxyMode == .all {
            // One file per proxier kube-proxy runs: IPv4 always (as CLI.md lists it), IPv6 when the cluster has
            // IPv6 Service or pod addresses.
            for family in IPFamily.allCases where family == .v4 || state.uses(family) {
                var options = IPTablesOptions()
                options.family = family
                options.nodes = selected
                var emitter = IPTablesEmitter(options: options)
                emitter.inputAdmitted = true
                startsFirst.append(jobs.count)
                jobs.append { [emitter] in emitter.emit(state, into: delivery.deliver); return [] }
            }
        }
        if proxyMode == .ipvs || proxyMode == .all {
            var options = IPVSEmitter.Options()
            options.nodes = selected
            var emitter = IPVSEmitter(options: options)
            emitter.inputAdmitted = true
            startsFirst.append(jobs.count)
            jobs.append { [emitter] in emitter.emit(state).forEach(delivery.deliver); return [] }
        }
        if proxyMode == .nftables || proxyMode == .all {
            var options = NFTablesOptions()
            options.nodes = selected
            var emitter = NFTablesEmitter(options: options)
            emitter.inputAdmitted = true
            startsFirst.insert(jobs.count, at: 0)
            jobs.append { [emitter] in
                let nftables = emitter.emit(state)
                nftables.files.forEach(delivery.deliver)
                return nftables.diagnostics
            }
        }
        var policy = PolicyEmitter(nodes: nodes)
        policy.inputAdmitted = true
        jobs.append { [policy] in policy.emit(state).forEach(delivery.deliver); return [] }
        startsFirst.append(jobs.count)
        jobs.append {
            let dns = DNSZoneEmitter.emit(state)
            dns.files.forEach(delivery.deliver)
            return dns.diagnostics
        }
        jobs.append {
            var nginxOptions = NginxOptions()
            var diagnostics: [Diagnostic] = []
            if let set {
                let tls = NginxTLSFiles.collect(set, tlsDirectory: state.settings.ingress.tlsDirectory)
                nginxOptions = .relativeToPrefix
                nginxOptions.availableSecrets = tls.available
                tls.files.forEach(delivery.deliver)
                diagnostics += tls.diagnostics
            }
            nginxOptions.inputAdmitted = true
            let nginx = NginxEmitter.emit(state, options: nginxOptions)
            nginx.files.forEach(delivery.deliver)
            return diagnostics + nginx.diagnostics
        }
        let work = jobs
        let found = Parallel.map(work.count, startingWith: startsFirst) { work[$0]() }
        let outcome = delivery.finish()
        return (outcome.written, admitted.diagnostics + found.flatMap { $0 } + outcome.refused, outcome.failure)
    }

    /// Where the outputs went: one line per folder, with its file count and size.
    package static func summary(_ files: [OutputFile], directory: String) -> String {
        summary(files.map { WrittenFile(path: $0.path, byteCount: $0.contents.count) }, directory: directory)
    }

    /// Where the outputs went, from the records of a streamed compile (sorted by path).
    package static func summary(_ files: [WrittenFile], directory: String) -> String {
        // Per folder (its files' names in input order, and their bytes), in one pass over the files.
        var groups: [String: (names: [String], bytes: Int)] = [:]
        for file in files {
            let parts = file.path.split(separator: "/")
            let group = parts.count > 1 ? parts.dropLast().joined(separator: "/") + "/" : ""
            groups[group, default: ([], 0)].names.append(parts.last.map(String.init) ?? "")
            groups[group, default: ([], 0)].bytes += file.byteCount
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
        // By index: iterating would copy each Service (a retain per string and array it holds).
        for index in services.indices {
            if services[index].clusterIPs.contains(where: family.contains) { return true }
            for port in services[index].ports.indices
            where services[index].ports[port].endpoints.contains(where: { family.contains($0.ip) }) {
                return true
            }
        }
        return nodes.contains { $0.podCIDRs.contains { family.contains($0.network) } }
    }
}
