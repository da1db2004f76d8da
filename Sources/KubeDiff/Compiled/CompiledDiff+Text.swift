/// The compiled section of the text report, after the object changes:
///
/// ```
/// compiled on manifests/cluster:
///   pods:
///     + shop/web-5d8f7-x2k4p on worker-3 (10.244.3.7)
///     ~ shop/web-7c9d-abcde replaces web-5d8f7-qwert (Deployment/web): worker-1 → worker-1
///     > shop/cache-0 moved worker-1 → worker-2
///     ! shop/big-0 unschedulable (was on worker-2): 0/4 nodes are available: …
///   services:
///     ~ shop/web clusterIP 10.96.0.20 → 10.96.0.21; nodePort http 30080 → 30081
///   rules:
///     worker-1 iptables.rules: +4 -0 lines; chains +KUBE-SEP-ABC (nat)
///   dns:
///     dns/cluster.local.zone: +1 -0 records
///   routes:
///     ~ shop.example.com "/": servers +10.244.3.7:8080
/// …
/// compiled on manifests/cluster: pods 1 added; rules +12 -6 on 3 nodes; 1 nginx route change(s)
/// ```
/// The last line follows the manifest summary line; it is the only compiled line when nothing differs.
/// With `verbose`, each rule and zone change lists its lines (`+ line`, `- line`).
extension CompiledDiff {
    /// The section's lines (no trailing newline); none when nothing compiled differs (the summary says so).
    package func textLines(verbose: Bool) -> [String] {
        guard hasDifferences else { return [] }
        var lines = ["compiled on \(cluster):"]
        if !pods.isEmpty {
            lines.append("  pods:")
            lines += pods.map { "    " + Self.text($0) }
        }
        if !services.isEmpty {
            lines.append("  services:")
            lines += services.map { "    " + Self.text($0) }
        }
        if !rules.isEmpty {
            lines.append("  rules:")
            for change in rules {
                var line = "    \(change.node) \(change.file): +\(change.addedCount) -\(change.removedCount) lines"
                let chains = change.chainsAdded.map { "+" + $0 } + change.chainsRemoved.map { "-" + $0 }
                if !chains.isEmpty {
                    line += (change.file.hasSuffix(".ipset") ? "; sets " : "; chains ") + chains.joined(separator: ", ")
                }
                lines.append(line)
                if verbose {
                    lines += change.removed.map { "      - " + $0 }
                    lines += change.added.map { "      + " + $0 }
                }
            }
        }
        if !dns.isEmpty {
            lines.append("  dns:")
            for change in dns {
                lines.append("    \(change.zone): +\(change.added.count) -\(change.removed.count) records")
                if verbose {
                    lines += change.removed.map { "      - " + $0 }
                    lines += change.added.map { "      + " + $0 }
                }
            }
        }
        if !routes.isEmpty {
            lines.append("  routes:")
            lines += routes.map { "    " + Self.text($0) }
        }
        return lines
    }

    /// The one-line count for the end of the report.
    package var summaryText: String {
        guard hasDifferences else { return "compiled on \(cluster): no differences in placement or dataplane" }
        var parts: [String] = []
        let pods: [(PodPlacementChange.Change, String)] = [
            (.added, "added"), (.removed, "removed"), (.replaced, "replaced"), (.moved, "moved"),
            (.unschedulable, "unschedulable"), (.scheduled, "scheduled"), (.readdressed, "readdressed"),
        ]
        let podParts = pods.compactMap { kind, word in podCount(kind) > 0 ? "\(podCount(kind)) \(word)" : nil }
        if !podParts.isEmpty { parts.append("pods " + podParts.joined(separator: ", ")) }
        if !services.isEmpty { parts.append("\(services.count) Service address change(s)") }
        let added = rules.reduce(0) { $0 + $1.addedCount }
        let removed = rules.reduce(0) { $0 + $1.removedCount }
        if !rules.isEmpty {
            let nodes = Set(rules.map(\.node)).count
            parts.append("rules +\(added) -\(removed) on \(nodes) node" + (nodes == 1 ? "" : "s"))
        }
        if !dns.isEmpty {
            parts.append("dns +\(dns.reduce(0) { $0 + $1.added.count }) -\(dns.reduce(0) { $0 + $1.removed.count })")
        }
        if !routes.isEmpty { parts.append("\(routes.count) nginx route change(s)") }
        return "compiled on \(cluster): " + parts.joined(separator: "; ")
    }

    static func text(_ pod: PodPlacementChange) -> String {
        let place = { (node: String?, ip: String?) -> String in
            guard let node else { return "unschedulable" }
            return "on \(node)" + (ip.map { " (\($0))" } ?? "")
        }
        let owner = pod.owner.map { " (\($0))" } ?? ""
        let message = pod.message.map { ": " + $0 } ?? ""
        switch pod.change {
        case .added: return "+ \(pod.key) " + place(pod.newNode, pod.newIP) + message
        case .removed: return "- \(pod.key) was " + place(pod.oldNode, pod.oldIP)
        case .replaced:
            return "~ \(pod.key) replaces \(pod.oldName ?? "")\(owner): \(pod.oldNode ?? "unschedulable") → "
                + (pod.newNode ?? "unschedulable") + message
        case .moved: return "> \(pod.key) moved \(pod.oldNode ?? "") → \(pod.newNode ?? "")"
        case .unschedulable: return "! \(pod.key) unschedulable (was on \(pod.oldNode ?? ""))" + message
        case .scheduled: return "+ \(pod.key) scheduled " + place(pod.newNode, pod.newIP) + " (was unschedulable)"
        case .readdressed: return "~ \(pod.key) on \(pod.newNode ?? ""): IP \(pod.oldIP ?? "") → \(pod.newIP ?? "")"
        }
    }

    static func text(_ service: ServiceIPChange) -> String {
        var parts: [String] = []
        let old = service.oldClusterIPs.joined(separator: ",")
        let new = service.newClusterIPs.joined(separator: ",")
        switch service.change {
        case .added: if !new.isEmpty { parts.append("clusterIP \(new)") }
        case .removed: if !old.isEmpty { parts.append("clusterIP \(old)") }
        case .modified:
            if old != new { parts.append("clusterIP \(old.isEmpty ? "none" : old) → \(new.isEmpty ? "none" : new)") }
        }
        for port in service.nodePorts {
            parts.append(
                "nodePort \(port.port) \(port.old.map(String.init) ?? "none") → \(port.new.map(String.init) ?? "none")")
        }
        let marker = service.change == .added ? "+" : (service.change == .removed ? "-" : "~")
        return "\(marker) \(service.key)" + (parts.isEmpty ? "" : " " + parts.joined(separator: "; "))
    }

    static func text(_ route: IngressRouteChange) -> String {
        let host = route.host
        switch route.change {
        case .added: return "+ \(host) \(route.location) → \(route.newBackend ?? "")" + servers(route)
        case .removed: return "- \(host) \(route.location) (was \(route.oldBackend ?? ""))"
        case .modified:
            var text = "~ \(host) \(route.location)"
            if route.oldBackend != route.newBackend {
                text += ": \(route.oldBackend ?? "") → \(route.newBackend ?? "")"
            }
            return text + servers(route)
        }
    }

    static func servers(_ route: IngressRouteChange) -> String {
        let list = route.serversAdded.map { "+" + $0 } + route.serversRemoved.map { "-" + $0 }
        return list.isEmpty ? "" : ": servers " + list.joined(separator: " ")
    }
}
