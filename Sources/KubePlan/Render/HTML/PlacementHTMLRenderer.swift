/// `kubec plan --output html` and `compile`'s `report.html`: one self-contained page (inline CSS, no fetches)
/// showing nodes grouped by zone, each with bars of allocatable CPU and memory filled by its workloads, the
/// unschedulable pods with kube-scheduler's message, and CronJob runs.
///
/// The content is plain HTML that reads without JavaScript: nodes are `<details>` (keyboard operable), colours
/// always come with the workload's name as text. The one inline script only adds the search box.
///
/// Written into one byte buffer; each workload's escaped label and colour classes are made once per page,
/// every manifest value still goes through `HTMLText`'s escaping (`RenderBuffer.writeHTML`).
package enum PlacementHTMLRenderer {
    package static func render(_ result: PlanResult) -> String {
        let page = PlacementPage(result)
        let plan = result.plan
        let unschedulable = plan.unschedulable
        let placed = plan.pods.count - unschedulable.count
        var out = RenderBuffer(capacity: 16_384 + plan.pods.count * 48 + plan.nodes.count * 3_000)
        out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        out.write("<title>kubec plan: \(plan.nodes.count) nodes, \(plan.pods.count) pods</title>\n")
        out.write("<style>\n" + PlacementHTMLStyle.css + WorkloadPalette.css + "</style>\n</head>\n<body>\n")
        out.write("<header>\n<h1>Placement</h1>\n")
        out.write("<p class=\"totals\">\(plan.pods.count) pods: \(placed) placed, ")
        out.write("<a href=\"#unschedulable\">\(unschedulable.count) unschedulable</a> ")
        out.write("on \(plan.nodes.count) nodes in \(page.zones.count) zone\(page.zones.count == 1 ? "" : "s")</p>\n")
        out.write("<nav aria-label=\"Zones\"><ul>")
        for (index, zone) in page.zones.enumerated() {
            out.write("<li><a href=\"#zone-\(index + 1)\">\(zoneTitle(zone))</a> (\(zone.nodes.count))</li>")
        }
        if !plan.cronJobs.isEmpty { out.write("<li><a href=\"#cronjobs\">CronJobs</a></li>") }
        out.write("</ul></nav>\n")
        out.write("<p id=\"search\" hidden><label for=\"q\">Search nodes and pods</label> ")
        out.write("<input id=\"q\" type=\"search\" autocomplete=\"off\"> ")
        out.write("<span id=\"search-status\" role=\"status\"></span></p>\n")
        out.write("</header>\n<main>\n")
        legend(page, into: &out)
        let context = NodeContext(page: page, pods: plan.pods)
        for (index, zone) in page.zones.enumerated() {
            out.write("<section class=\"zone\" id=\"zone-\(index + 1)\" aria-labelledby=\"zone-\(index + 1)-title\">\n")
            out.write("<h2 id=\"zone-\(index + 1)-title\">\(zoneTitle(zone)) ")
            out.write("<small>\(count(zone.nodes.count, "node")), \(count(zone.podCount, "pod"))</small></h2>\n")
            for entry in zone.nodes { node(entry, context, into: &out) }
            out.write("</section>\n")
        }
        unschedulableSection(unschedulable, into: &out)
        cronJobs(plan, into: &out)
        out.write("</main>\n<script>\n" + PlacementHTMLStyle.script + "</script>\n</body>\n</html>\n")
        return out.text
    }

    /// `1 pod`, `3 pods`.
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// `count(number, noun)` written into the buffer.
    static func writeCount(_ number: Int, _ noun: String, into out: inout RenderBuffer) {
        out.write(number)
        out.write(byte: UInt8(ascii: " "))
        out.write(noun)
        if number != 1 { out.write(byte: UInt8(ascii: "s")) }
    }

    static func zoneTitle(_ zone: PlacementPage.Zone) -> String {
        zone.name.map { "Zone " + HTMLText.escape($0) } ?? "No zone label"
    }

    /// Most workloads the legend names, largest first; beyond that colours repeat anyway and every node's
    /// table names its workloads in text.
    static let legendLimit = 40

    static func legend(_ page: PlacementPage, into out: inout RenderBuffer) {
        var shown = Array(page.workloads.indices)
        if shown.count > legendLimit {
            shown.sort { (page.workloadPods[$0], $1) > (page.workloadPods[$1], $0) }
            shown = shown[..<legendLimit].sorted()
        }
        // Open while it names every workload; a long one folds away so the nodes come first.
        let open = shown.count == page.workloads.count ? " open" : ""
        out.write("<details class=\"legend\"\(open)><summary>Workloads (\(page.workloads.count))</summary>\n<ul>")
        for index in shown {
            out.write("<li><i class=\"sw \(WorkloadPalette.classes(index))\"></i>")
            out.write(
                HTMLText.escape(page.workloads[index].label)
                    + " <small>(\(count(page.workloadPods[index], "pod")))</small></li>")
        }
        out.write("</ul>")
        if shown.count < page.workloads.count {
            out.write("<p>The \(legendLimit) with the most pods; ")
            out.write("\(page.workloads.count - shown.count) more are named in ")
            out.write("their nodes' tables.</p>")
        }
        out.write("</details>\n")
    }

    /// What every node's markup reads: the plan's pods, and per workload its escaped label and colour classes
    /// (made once per page, not once per segment and row).
    struct NodeContext {
        var pods: [PlacementPlan.Pod]
        var labels: [[UInt8]]
        var classes: [[UInt8]]
        let quantities = QuantityText()

        init(page: PlacementPage, pods: [PlacementPlan.Pod]) {
            self.pods = pods
            labels = page.workloads.map { Array(HTMLText.escape($0.label).utf8) }
            classes = page.workloads.indices.map { Array(WorkloadPalette.classes($0).utf8) }
        }
    }

    static func node(_ entry: PlacementPage.NodeEntry, _ context: NodeContext, into out: inout RenderBuffer) {
        let node = entry.node
        out.write("<details class=\"node\" id=\"node-")
        let escapedStart = out.bytes.count
        out.writeHTML(node.name)
        let name = Array(out.bytes[escapedStart...])
        out.write("\"><summary><span class=\"name\">")
        out.write(name)
        out.write("</span><span class=\"meta\">pods ")
        out.write(node.pods.count)
        out.write(byte: UInt8(ascii: "/"))
        out.write(node.allowedPods)
        out.write("</span>")
        bar(.cpu, entry, context, used: node.requested.milliCPU, total: node.allocatable.milliCPU, into: &out)
        bar(.memory, entry, context, used: node.requested.memory, total: node.allocatable.memory, into: &out)
        out.write("</summary>\n")
        if entry.shares.isEmpty {
            out.write("<p class=\"empty\">No pods.</p>")
        } else {
            out.write("<table><thead><tr><th scope=\"col\">Workload</th><th scope=\"col\">Pods</th>")
            out.write(
                "<th scope=\"col\">CPU</th><th scope=\"col\">Memory</th><th scope=\"col\">Pod names</th></tr></thead><tbody>"
            )
            for share in entry.shares {
                out.write("<tr><td><i class=\"sw ")
                out.write(context.classes[share.workload])
                out.write("\"></i>")
                out.write(context.labels[share.workload])
                out.write("</td><td>")
                out.write(share.pods.count)
                out.write("</td><td>")
                out.write(context.quantities.cpu(share.requests.milliCPU))
                out.write("</td><td>")
                out.write(context.quantities.bytes(share.requests.memory))
                out.write("</td><td class=\"pods\">")
                // Escaped name by name: escaping leaves the separating spaces as they are.
                for (index, position) in share.pods.enumerated() {
                    if index > 0 { out.write(byte: UInt8(ascii: " ")) }
                    out.writeHTML(context.pods[position].name)
                }
                out.write("</td></tr>")
            }
            out.write("</tbody></table>")
        }
        out.write("</details>\n")
    }
}
