import KubePlan

/// The compiled part of the page (`--cluster`): per node the pods that arrive, leave, move or are replaced and
/// the rule-file lines added and removed; then the cluster-wide changes (Service addresses, DNS records, nginx
/// routes). Grouping by node is display only: every row is one `PodPlacementChange` or `RuleFileChange` of
/// the report as the stage computed it.
extension DiffHTMLRenderer {
    /// Changes touching one node (a moved pod is listed under both of its nodes).
    struct NodeChanges {
        var pods: [PodPlacementChange] = []
        var rules: [RuleFileChange] = []
    }

    /// Changes by node name, nodes in name order; `nil` holds pods that are on no node on either side.
    static func byNode(_ compiled: CompiledDiff) -> [(node: String?, changes: NodeChanges)] {
        var nodes: [String: NodeChanges] = [:]
        var unplaced = NodeChanges()
        for pod in compiled.pods {
            let touched = Set([pod.oldNode, pod.newNode].compactMap { $0 })
            if touched.isEmpty { unplaced.pods.append(pod) }
            for node in touched { nodes[node, default: NodeChanges()].pods.append(pod) }
        }
        for rule in compiled.rules { nodes[rule.node, default: NodeChanges()].rules.append(rule) }
        var result: [(node: String?, changes: NodeChanges)] = nodes.keys.sorted().map { name in
            (node: Optional(name), changes: nodes[name] ?? NodeChanges())
        }
        if !unplaced.pods.isEmpty { result.append((nil, unplaced)) }
        return result
    }

    /// Nodes shown open; a larger cluster's nodes start folded to their summary line.
    static let maxOpenNodes = 40

    /// Chains or sets one rule-file row names before it counts the rest.
    static let maxChains = 12

    static func compiledSection(_ report: DiffReport, verbose: Bool, into out: inout String) {
        guard report.compiled != nil || report.cluster != nil else { return }
        out += "<section class=\"group\" id=\"compiled\" aria-labelledby=\"compiled-title\">\n"
        out += "<h2 id=\"compiled-title\">Placement and dataplane"
        guard let compiled = report.compiled else {
            if let cluster = report.cluster {
                out +=
                    "</h2>\n<p>\(HTMLText.escape("cluster \(cluster.path): \(cluster.status): \(cluster.message)"))</p>"
            }
            out += "\n</section>\n"
            return
        }
        out += " <small>compiled on \(HTMLText.escape(compiled.cluster))</small></h2>\n"
        guard compiled.hasDifferences else {
            out += "<p class=\"empty\">No differences in placement or dataplane.</p>\n</section>\n"
            return
        }
        let nodes = byNode(compiled)
        if !nodes.isEmpty { out += "<h3>Per node <small>(\(count(nodes.count, "node")))</small></h3>\n" }
        // Open while the list is short; past that each node folds to its one-line summary (print opens all).
        let open = nodes.count <= maxOpenNodes
        for (node, changes) in nodes { self.node(node, changes, open: open, verbose: verbose, into: &out) }
        services(compiled.services, into: &out)
        zones(compiled.dns, verbose: verbose, into: &out)
        routes(compiled.routes, into: &out)
        out += "</section>\n"
    }

    static func node(_ node: String?, _ changes: NodeChanges, open: Bool, verbose: Bool, into out: inout String) {
        let added = changes.rules.reduce(0) { $0 + $1.addedCount }
        let removed = changes.rules.reduce(0) { $0 + $1.removedCount }
        let name = node.map(HTMLText.escape) ?? "Not on any node"
        out += "<details class=\"node\" data-search\(open ? " open" : "")><summary><span class=\"name\">\(name)</span> "
        var figures: [String] = []
        if !changes.pods.isEmpty { figures.append(count(changes.pods.count, "pod change")) }
        if !changes.rules.isEmpty { figures.append("rule lines +\(added) −\(removed)") }
        out += "<small>" + figures.joined(separator: "; ")
        out += "</small></summary>\n"
        if !changes.pods.isEmpty {
            out += "<table class=\"pods\"><thead><tr><th scope=\"col\">Change</th><th scope=\"col\">Pod</th>"
            out += "<th scope=\"col\">Owner</th><th scope=\"col\">Node</th><th scope=\"col\">Pod IP</th>"
            out += "<th scope=\"col\">Scheduler message</th></tr></thead><tbody>\n"
            for pod in changes.pods { self.pod(pod, into: &out) }
            out += "</tbody></table>\n"
        }
        if !changes.rules.isEmpty {
            out +=
                "<table class=\"rules\"><thead><tr><th scope=\"col\">Rule file</th><th scope=\"col\">Lines added</th>"
            out += "<th scope=\"col\">Lines removed</th><th scope=\"col\">Chains or sets</th></tr></thead><tbody>\n"
            for rule in changes.rules {
                out += "<tr><td><code>\(HTMLText.escape(rule.file))</code></td>"
                out += "<td class=\"new\">+\(rule.addedCount)</td><td class=\"old\">−\(rule.removedCount)</td><td>"
                let chains =
                    rule.chainsAdded.map { "<span class=\"tag add\">added</span> " + HTMLText.escape($0) }
                    + rule.chainsRemoved.map { "<span class=\"tag del\">removed</span> " + HTMLText.escape($0) }
                out += chains.prefix(maxChains).joined(separator: "<br>")
                if chains.count > maxChains { out += "<br>and \(chains.count - maxChains) more" }
                out += "</td></tr>\n"
                if verbose, !(rule.added.isEmpty && rule.removed.isEmpty) {
                    out += "<tr class=\"hunks\"><td colspan=\"4\"><pre>"
                    for line in rule.removed { out += "<del>- \(HTMLText.escape(line))</del>\n" }
                    for line in rule.added { out += "<ins>+ \(HTMLText.escape(line))</ins>\n" }
                    out += "</pre></td></tr>\n"
                }
            }
            out += "</tbody></table>\n"
        }
        out += "</details>\n"
    }

    /// The word for a pod's change.
    static func podTag(_ change: PodPlacementChange.Change) -> (String, String) {
        switch change {
        case .added: ("add", "added")
        case .removed: ("del", "removed")
        case .moved: ("mod", "moved")
        case .replaced: ("mod", "replaced")
        case .unschedulable: ("refused", "unschedulable")
        case .scheduled: ("add", "scheduled")
        case .readdressed: ("mod", "new IP")
        }
    }

    static func pod(_ pod: PodPlacementChange, into out: inout String) {
        let (tag, word) = podTag(pod.change)
        out += "<tr><td><span class=\"tag \(tag)\">\(word)</span></td><td>\(HTMLText.escape(pod.key))"
        if let old = pod.oldName { out += "<br><small>replaces \(HTMLText.escape(old))</small>" }
        out += "</td><td>\(HTMLText.escape(pod.owner ?? ""))</td>"
        out += "<td>\(transition(pod.oldNode, pod.newNode, none: "unschedulable", change: pod.change))</td>"
        out += "<td>\(transition(pod.oldIP, pod.newIP, none: "none", change: pod.change))</td>"
        out += "<td class=\"message\">\(HTMLText.escape(pod.message ?? ""))</td></tr>\n"
    }

    /// `old → new` for a pod's node or IP; only the side that exists for added and removed pods.
    static func transition(_ old: String?, _ new: String?, none: String, change: PodPlacementChange.Change) -> String {
        let oldText = HTMLText.escape(old ?? none)
        let newText = HTMLText.escape(new ?? none)
        switch change {
        case .added: return newText
        case .removed: return "was " + oldText
        default: return old == new ? newText : "\(oldText) → \(newText)"
        }
    }

    static func services(_ services: [ServiceIPChange], into out: inout String) {
        guard !services.isEmpty else { return }
        out += "<h3>Service addresses <small>(\(services.count))</small></h3>\n"
        out += "<table class=\"services\" data-search><thead><tr><th scope=\"col\">Change</th>"
        out += "<th scope=\"col\">Service</th><th scope=\"col\">Cluster IPs</th><th scope=\"col\">Node ports</th>"
        out += "</tr></thead><tbody>\n"
        for service in services {
            let (tag, word) = routeTag(service.change)
            let old = service.oldClusterIPs.joined(separator: ", ")
            let new = service.newClusterIPs.joined(separator: ", ")
            let ips =
                service.change == .added
                ? new : (service.change == .removed ? "was " + old : (old == new ? new : "\(old) → \(new)"))
            let ports = service.nodePorts.map {
                "\($0.port) \($0.old.map(String.init) ?? "none") → \($0.new.map(String.init) ?? "none")"
            }
            out += "<tr><td><span class=\"tag \(tag)\">\(word)</span></td><td>\(HTMLText.escape(service.key))</td>"
            out += "<td>\(HTMLText.escape(ips))</td><td>\(HTMLText.escape(ports.joined(separator: "; ")))</td></tr>\n"
        }
        out += "</tbody></table>\n"
    }

    static func routeTag(_ change: ServiceIPChange.Change) -> (String, String) {
        switch change {
        case .added: ("add", "added")
        case .removed: ("del", "removed")
        case .modified: ("mod", "changed")
        }
    }

    static func zones(_ zones: [ZoneChange], verbose: Bool, into out: inout String) {
        guard !zones.isEmpty else { return }
        out += "<h3>DNS records <small>(\(count(zones.count, "zone")))</small></h3>\n<ul class=\"zones\" data-search>"
        for zone in zones {
            out += "<li><code>\(HTMLText.escape(zone.zone))</code>: "
            out +=
                "<span class=\"new\">+\(zone.added.count)</span> <span class=\"old\">−\(zone.removed.count)</span> records"
            if verbose, !(zone.added.isEmpty && zone.removed.isEmpty) {
                out += "<pre>"
                for record in zone.removed { out += "<del>- \(HTMLText.escape(record))</del>\n" }
                for record in zone.added { out += "<ins>+ \(HTMLText.escape(record))</ins>\n" }
                out += "</pre>"
            }
            out += "</li>"
        }
        out += "</ul>\n"
    }

    static func routes(_ routes: [IngressRouteChange], into out: inout String) {
        guard !routes.isEmpty else { return }
        out += "<h3>nginx routes <small>(\(routes.count))</small></h3>\n"
        out += "<table class=\"routes\" data-search><thead><tr><th scope=\"col\">Change</th><th scope=\"col\">Host</th>"
        out += "<th scope=\"col\">Location</th><th scope=\"col\">Backend</th><th scope=\"col\">Upstream servers</th>"
        out += "</tr></thead><tbody>\n"
        for route in routes {
            let (tag, word) = routeTag(route.change)
            let backend: String
            switch route.change {
            case .added: backend = route.newBackend ?? ""
            case .removed: backend = "was " + (route.oldBackend ?? "")
            case .modified:
                backend =
                    route.oldBackend == route.newBackend
                    ? (route.newBackend ?? "") : "\(route.oldBackend ?? "") → \(route.newBackend ?? "")"
            }
            let servers = route.serversAdded.map { "+" + $0 } + route.serversRemoved.map { "−" + $0 }
            out += "<tr><td><span class=\"tag \(tag)\">\(word)</span></td><td>\(HTMLText.escape(route.host))</td>"
            out += "<td><code>\(HTMLText.escape(route.location))</code></td><td>\(HTMLText.escape(backend))</td>"
            out += "<td>\(HTMLText.escape(servers.joined(separator: " ")))</td></tr>\n"
        }
        out += "</tbody></table>\n"
    }
}
