/// The placement page's resource bars and its closing sections (unschedulable pods, CronJobs).
extension PlacementHTMLRenderer {
    /// The resources a node's bars show.
    enum Resource: String {
        case cpu
        case memory

        func amount(_ resources: Resources) -> Int64 {
            switch self {
            case .cpu: resources.milliCPU
            case .memory: resources.memory
            }
        }

        func text(_ amount: Int64, _ quantities: QuantityText) -> [UInt8] {
            switch self {
            case .cpu: quantities.cpu(amount)
            case .memory: quantities.bytes(amount)
            }
        }
    }

    /// Most segments one bar draws: the largest workloads by this resource, the rest as one "other" segment
    /// (a node running 30 one-pod workloads would otherwise draw slivers nobody can tell apart).
    static let segmentLimit = 8

    /// One resource's bar: a labelled track filled by one segment per workload, the figures beside it as text.
    static func bar(
        _ resource: Resource, _ entry: PlacementPage.NodeEntry, _ context: NodeContext, used: Int64, total: Int64,
        into out: inout RenderBuffer
    ) {
        let quantities = context.quantities
        var figures = RenderBuffer(capacity: 32)
        figures.write(resource.text(used, quantities))
        figures.write(byte: UInt8(ascii: "/"))
        figures.write(resource.text(total, quantities))
        figures.write(" (")
        figures.write(PlanFormatting.percent(used, total))
        figures.write("%)")
        out.write("<span class=\"res\"><span class=\"rname\">")
        out.write(resource.rawValue)
        out.write("</span><span class=\"bar\" role=\"img\" aria-label=\"")
        out.write(resource.rawValue)
        out.write(" requested ")
        out.write(figures.bytes)
        out.write("\">")
        var shares = entry.shares.filter { resource.amount($0.requests) > 0 }
        var rest: [PlacementPage.Share] = []
        if shares.count > segmentLimit {
            // Largest first, ties by workload order; the drawn ones then go back to workload order.
            shares.sort { (resource.amount($0.requests), $1.workload) > (resource.amount($1.requests), $0.workload) }
            rest = Array(shares[(segmentLimit - 1)...])
            shares = shares[..<(segmentLimit - 1)].sorted { $0.workload < $1.workload }
        }
        for share in shares {
            segment(
                context.classes[share.workload], resource.amount(share.requests), of: total,
                pods: share.pods.count, resource, quantities, into: &out
            ) { $0.write(context.labels[share.workload]) }
        }
        if !rest.isEmpty {
            let amount = rest.reduce(Int64(0)) { $0 + resource.amount($1.requests) }
            let pods = rest.reduce(0) { $0 + $1.pods.count }
            segment(Array("other".utf8), amount, of: total, pods: pods, resource, quantities, into: &out) {
                $0.write(rest.count)
                $0.write(" other workloads")
            }
        }
        out.write("</span><span class=\"fig\">")
        out.write(figures.bytes)
        out.write("</span></span>")
    }

    /// One segment of a bar: `amount` of `total` wide, titled `label: N pods, amount` (the label's bytes are
    /// escaped already).
    private static func segment(
        _ classes: [UInt8], _ amount: Int64, of total: Int64, pods: Int, _ resource: Resource,
        _ quantities: QuantityText, into out: inout RenderBuffer, label: (inout RenderBuffer) -> Void
    ) {
        out.write("<span class=\"seg ")
        out.write(classes)
        out.write("\" style=\"width:")
        writePercentWidth(amount, of: total, into: &out)
        out.write("\" title=\"")
        label(&out)
        out.write(": ")
        writeCount(pods, "pod", into: &out)
        out.write(", ")
        out.write(resource.text(amount, quantities))
        out.write("\"></span>")
    }

    /// `HTMLText.percentWidth(part, of: total)` written into the buffer.
    static func writePercentWidth(_ part: Int64, of total: Int64, into out: inout RenderBuffer) {
        guard total > 0, part > 0 else {
            out.write("0%")
            return
        }
        let basisPoints = min(10_000, part >= Int64.max / 10_000 ? 10_000 : part * 10_000 / total)
        out.write(Int(basisPoints / 100))
        out.write(byte: UInt8(ascii: "."))
        if basisPoints % 100 < 10 { out.write(byte: UInt8(ascii: "0")) }
        out.write(Int(basisPoints % 100))
        out.write(byte: UInt8(ascii: "%"))
    }

    static func unschedulableSection(_ pods: [PlacementPlan.Pod], into out: inout RenderBuffer) {
        out.write("<section id=\"unschedulable\" aria-labelledby=\"unschedulable-title\">\n")
        out.write("<h2 id=\"unschedulable-title\">Unschedulable pods (\(pods.count))</h2>\n")
        if pods.isEmpty {
            out.write("<p>Every pod was placed.</p>\n</section>\n")
            return
        }
        out.write("<table class=\"unsched\"><thead><tr><th scope=\"col\">Pod</th><th scope=\"col\">Workload</th>")
        out.write("<th scope=\"col\">Scheduler message</th></tr></thead><tbody>\n")
        for pod in pods {
            let workload = PlacementPage.workload(of: pod)
            out.write("<tr><td>")
            out.writeHTML(pod.namespace)
            out.write(byte: UInt8(ascii: "/"))
            out.writeHTML(pod.name)
            out.write("</td><td>")
            out.writeHTML(workload.kind)
            out.write(byte: UInt8(ascii: " "))
            out.writeHTML(workload.name)
            out.write("</td><td>")
            out.writeHTML(pod.message ?? "")
            out.write("</td></tr>\n")
        }
        out.write("</tbody></table>\n</section>\n")
    }

    static func cronJobs(_ plan: PlacementPlan, into out: inout RenderBuffer) {
        guard !plan.cronJobs.isEmpty else { return }
        out.write("<section id=\"cronjobs\" aria-labelledby=\"cronjobs-title\">\n<h2 id=\"cronjobs-title\">CronJobs ")
        out.write("<small>next runs after \(PlanFormatting.timestamp(plan.referenceTime))</small></h2>\n")
        out.write("<table><thead><tr><th scope=\"col\">CronJob</th><th scope=\"col\">Schedule</th>")
        out.write("<th scope=\"col\">Next runs</th></tr></thead><tbody>\n")
        for cron in plan.cronJobs {
            let runs =
                cron.problem.map { "invalid: " + $0 }
                ?? cron.nextRuns.map(PlanFormatting.timestamp).joined(separator: ", ")
            out.write("<tr><td>\(HTMLText.escape(cron.namespace + "/" + cron.name))</td>")
            out.write("<td><code>\(HTMLText.escape(cron.schedule))</code> (\(HTMLText.escape(cron.timeZone ?? "UTC")))")
            out.write(cron.suspended ? " suspended" : "")
            out.write("</td><td>\(HTMLText.escape(runs))</td></tr>\n")
        }
        out.write("</tbody></table>\n</section>\n")
    }
}
