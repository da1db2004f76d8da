/// `kubec plan --output html` and `compile`'s `report.html`: one self-contained page (inline CSS, no fetches)
/// showing nodes grouped by zone, each with bars of allocatable CPU and memory filled by its workloads, the
/// unschedulable pods with kube-scheduler's message, and CronJob runs.
///
/// The content is plain HTML that reads without JavaScript: nodes are `<details>` (keyboard operable), colours
/// always come with the workload's name as text. The one inline script only adds the search box.
package enum PlacementHTMLRenderer {
    package static func render(_ result: PlanResult) -> String {
        let page = PlacementPage(result)
        let plan = result.plan
        let unschedulable = plan.unschedulable
        let placed = plan.pods.count - unschedulable.count
        var out = ""
        out.reserveCapacity(256 + plan.pods.count * 48 + plan.nodes.count * 1_200)
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>kubec plan: \(plan.nodes.count) nodes, \(plan.pods.count) pods</title>\n"
        out += "<style>\n" + PlacementHTMLStyle.css + WorkloadPalette.css + "</style>\n</head>\n<body>\n"
        out += "<header>\n<h1>Placement</h1>\n"
        out += "<p class=\"totals\">\(plan.pods.count) pods: \(placed) placed, "
        out += "<a href=\"#unschedulable\">\(unschedulable.count) unschedulable</a> "
        out += "on \(plan.nodes.count) nodes in \(page.zones.count) zone\(page.zones.count == 1 ? "" : "s")</p>\n"
        out += "<nav aria-label=\"Zones\"><ul>"
        for (index, zone) in page.zones.enumerated() {
            out += "<li><a href=\"#zone-\(index + 1)\">\(zoneTitle(zone))</a> (\(zone.nodes.count))</li>"
        }
        if !plan.cronJobs.isEmpty { out += "<li><a href=\"#cronjobs\">CronJobs</a></li>" }
        out += "</ul></nav>\n"
        out += "<p id=\"search\" hidden><label for=\"q\">Search nodes and pods</label> "
        out +=
            "<input id=\"q\" type=\"search\" autocomplete=\"off\"> <span id=\"search-status\" role=\"status\"></span></p>\n"
        out += "</header>\n<main>\n"
        legend(page, into: &out)
        for (index, zone) in page.zones.enumerated() {
            out += "<section class=\"zone\" id=\"zone-\(index + 1)\" aria-labelledby=\"zone-\(index + 1)-title\">\n"
            out += "<h2 id=\"zone-\(index + 1)-title\">\(zoneTitle(zone)) "
            out += "<small>\(count(zone.nodes.count, "node")), \(count(zone.podCount, "pod"))</small></h2>\n"
            for entry in zone.nodes { node(entry, page: page, into: &out) }
            out += "</section>\n"
        }
        unschedulableSection(unschedulable, into: &out)
        cronJobs(plan, into: &out)
        out += "</main>\n<script>\n" + PlacementHTMLStyle.script + "</script>\n</body>\n</html>\n"
        return out
    }

    /// `1 pod`, `3 pods`.
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    static func zoneTitle(_ zone: PlacementPage.Zone) -> String {
        zone.name.map { "Zone " + HTMLText.escape($0) } ?? "No zone label"
    }

    /// Most workloads the legend names, largest first; beyond that colours repeat anyway and every node's
    /// table names its workloads in text.
    static let legendLimit = 40

    static func legend(_ page: PlacementPage, into out: inout String) {
        var shown = Array(page.workloads.indices)
        if shown.count > legendLimit {
            shown.sort { (page.workloadPods[$0], $1) > (page.workloadPods[$1], $0) }
            shown = shown[..<legendLimit].sorted()
        }
        // Open while it names every workload; a long one folds away so the nodes come first.
        let open = shown.count == page.workloads.count ? " open" : ""
        out += "<details class=\"legend\"\(open)><summary>Workloads (\(page.workloads.count))</summary>\n<ul>"
        for index in shown {
            out += "<li><i class=\"sw \(WorkloadPalette.classes(index))\"></i>"
            out +=
                HTMLText.escape(page.workloads[index].label)
                + " <small>(\(count(page.workloadPods[index], "pod")))</small></li>"
        }
        out += "</ul>"
        if shown.count < page.workloads.count {
            out += "<p>The \(legendLimit) with the most pods; \(page.workloads.count - shown.count) more are named in "
            out += "their nodes' tables.</p>"
        }
        out += "</details>\n"
    }

    static func node(_ entry: PlacementPage.NodeEntry, page: PlacementPage, into out: inout String) {
        let node = entry.node
        let name = HTMLText.escape(node.name)
        out += "<details class=\"node\" id=\"node-\(name)\"><summary><span class=\"name\">\(name)</span>"
        out += "<span class=\"meta\">pods \(node.pods.count)/\(node.allowedPods)</span>"
        bar(
            "cpu", entry, page: page, used: node.requested.milliCPU, total: node.allocatable.milliCPU,
            format: PlanFormatting.cpu, part: \.milliCPU, into: &out)
        bar(
            "memory", entry, page: page, used: node.requested.memory, total: node.allocatable.memory,
            format: PlanFormatting.bytes, part: \.memory, into: &out)
        out += "</summary>\n"
        if entry.shares.isEmpty {
            out += "<p class=\"empty\">No pods.</p>"
        } else {
            out += "<table><thead><tr><th scope=\"col\">Workload</th><th scope=\"col\">Pods</th>"
            out +=
                "<th scope=\"col\">CPU</th><th scope=\"col\">Memory</th><th scope=\"col\">Pod names</th></tr></thead><tbody>"
            for share in entry.shares {
                out += "<tr><td><i class=\"sw \(WorkloadPalette.classes(share.workload))\"></i>"
                out += HTMLText.escape(page.workloads[share.workload].label) + "</td><td>\(share.pods.count)</td>"
                out += "<td>\(PlanFormatting.cpu(share.requests.milliCPU))</td>"
                out += "<td>\(PlanFormatting.bytes(share.requests.memory))</td><td class=\"pods\">"
                out += HTMLText.escape(share.pods.joined(separator: " ")) + "</td></tr>"
            }
            out += "</tbody></table>"
        }
        out += "</details>\n"
    }

    /// Most segments one bar draws: the largest workloads by this resource, the rest as one "other" segment
    /// (a node running 30 one-pod workloads would otherwise draw slivers nobody can tell apart).
    static let segmentLimit = 8

    /// One resource's bar: a labelled track filled by one segment per workload, the figures beside it as text.
    static func bar(
        _ resource: String, _ entry: PlacementPage.NodeEntry, page: PlacementPage, used: Int64, total: Int64,
        format: (Int64) -> String, part: KeyPath<Resources, Int64>, into out: inout String
    ) {
        let figures = "\(format(used))/\(format(total)) (\(PlanFormatting.percent(used, total))%)"
        out += "<span class=\"res\"><span class=\"rname\">\(resource)</span>"
        out += "<span class=\"bar\" role=\"img\" aria-label=\"\(resource) requested \(figures)\">"
        var shares = entry.shares.filter { $0.requests[keyPath: part] > 0 }
        var rest: [PlacementPage.Share] = []
        if shares.count > segmentLimit {
            // Largest first, ties by workload order; the drawn ones then go back to workload order.
            shares.sort { ($0.requests[keyPath: part], $1.workload) > ($1.requests[keyPath: part], $0.workload) }
            rest = Array(shares[(segmentLimit - 1)...])
            shares = shares[..<(segmentLimit - 1)].sorted { $0.workload < $1.workload }
        }
        for share in shares {
            let label = HTMLText.escape(page.workloads[share.workload].label)
            out += "<span class=\"seg \(WorkloadPalette.classes(share.workload))\" "
            out += "style=\"width:\(HTMLText.percentWidth(share.requests[keyPath: part], of: total))\" "
            out +=
                "title=\"\(label): \(count(share.pods.count, "pod")), \(format(share.requests[keyPath: part]))\"></span>"
        }
        if !rest.isEmpty {
            let amount = rest.reduce(Int64(0)) { $0 + $1.requests[keyPath: part] }
            let pods = rest.reduce(0) { $0 + $1.pods.count }
            out += "<span class=\"seg other\" style=\"width:\(HTMLText.percentWidth(amount, of: total))\" "
            out += "title=\"\(rest.count) other workloads: \(count(pods, "pod")), \(format(amount))\"></span>"
        }
        out += "</span><span class=\"fig\">\(figures)</span></span>"
    }

    static func unschedulableSection(_ pods: [PlacementPlan.Pod], into out: inout String) {
        out += "<section id=\"unschedulable\" aria-labelledby=\"unschedulable-title\">\n"
        out += "<h2 id=\"unschedulable-title\">Unschedulable pods (\(pods.count))</h2>\n"
        if pods.isEmpty {
            out += "<p>Every pod was placed.</p>\n</section>\n"
            return
        }
        out += "<table class=\"unsched\"><thead><tr><th scope=\"col\">Pod</th><th scope=\"col\">Workload</th>"
        out += "<th scope=\"col\">Scheduler message</th></tr></thead><tbody>\n"
        for pod in pods {
            let workload = PlacementPage.workload(of: pod)
            out +=
                "<tr><td>\(HTMLText.escape(pod.key))</td><td>\(HTMLText.escape(workload.kind + " " + workload.name))</td>"
            out += "<td>\(HTMLText.escape(pod.message ?? ""))</td></tr>\n"
        }
        out += "</tbody></table>\n</section>\n"
    }

    static func cronJobs(_ plan: PlacementPlan, into out: inout String) {
        guard !plan.cronJobs.isEmpty else { return }
        out += "<section id=\"cronjobs\" aria-labelledby=\"cronjobs-title\">\n<h2 id=\"cronjobs-title\">CronJobs "
        out += "<small>next runs after \(PlanFormatting.timestamp(plan.referenceTime))</small></h2>\n"
        out += "<table><thead><tr><th scope=\"col\">CronJob</th><th scope=\"col\">Schedule</th>"
        out += "<th scope=\"col\">Next runs</th></tr></thead><tbody>\n"
        for cron in plan.cronJobs {
            let runs =
                cron.problem.map { "invalid: " + $0 }
                ?? cron.nextRuns.map(PlanFormatting.timestamp).joined(separator: ", ")
            out += "<tr><td>\(HTMLText.escape(cron.namespace + "/" + cron.name))</td>"
            out += "<td><code>\(HTMLText.escape(cron.schedule))</code> (\(HTMLText.escape(cron.timeZone ?? "UTC")))"
            out += cron.suspended ? " suspended" : ""
            out += "</td><td>\(HTMLText.escape(runs))</td></tr>\n"
        }
        out += "</tbody></table>\n</section>\n"
    }
}
