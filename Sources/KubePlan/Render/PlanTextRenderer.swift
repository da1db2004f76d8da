/// `kubec plan` text: per node its load (pods, cpu, memory with bars) and its pods; then the unschedulable
/// pods with kube-scheduler's messages; then CronJob runs.
///
/// Written into one byte buffer: widths are counted once, numbers and addresses written digit by digit, and a
/// pod line is padded and trimmed in place (a line with anything but plain ASCII goes the `String` way, where
/// padding and trimming count characters).
package enum PlanTextRenderer {
    package static func render(_ result: PlanResult) -> String {
        let plan = result.plan
        var out = RenderBuffer(capacity: plan.pods.count * 80 + plan.nodes.count * 120 + 4096)
        let nameWidth = max(plan.nodes.map { RenderBuffer.characterCount($0.name) }.max() ?? 4, 4)
        // Positions, not copies of the pods: the first pod of each key, as before.
        let byKey = Dictionary(
            plan.pods.indices.lazy.map { (plan.pods[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
        let quantities = QuantityText()
        for node in plan.nodes {
            writePadded(node.name, nameWidth, into: &out)
            out.write("  pods ")
            out.write(node.pods.count)
            out.write(byte: UInt8(ascii: "/"))
            out.write(node.allowedPods)
            out.write("  cpu ")
            writeLoad(node.requested.milliCPU, node.allocatable.milliCPU, quantities.cpu, into: &out)
            out.write("  memory ")
            writeLoad(node.requested.memory, node.allocatable.memory, quantities.bytes, into: &out)
            out.write(byte: UInt8(ascii: "\n"))
            let podWidth = node.pods.map { RenderBuffer.characterCount($0) }.max() ?? 0
            for key in node.pods {
                guard let position = byKey[key] else { continue }
                writePodLine(key, plan.pods, position, podWidth: podWidth, into: &out)
            }
        }
        // Positions of the unschedulable pods (no copy of each pod).
        let unschedulable = plan.pods.indices.filter { plan.pods[$0].node == nil }
        if !unschedulable.isEmpty {
            out.write("\nUnschedulable pods (")
            out.write(unschedulable.count)
            out.write("):\n")
            for position in unschedulable {
                out.write("  ")
                out.write(plan.pods[position].namespace)
                out.write(byte: UInt8(ascii: "/"))
                out.write(plan.pods[position].name)
                out.write(": ")
                out.write(plan.pods[position].message ?? "")
                out.write(byte: UInt8(ascii: "\n"))
            }
        }
        if !plan.cronJobs.isEmpty {
            out.write("\nCronJobs (next runs after \(PlanFormatting.timestamp(plan.referenceTime))):\n")
            for cron in plan.cronJobs {
                var line = "  \(cron.namespace)/\(cron.name) \"\(cron.schedule)\" (\(cron.timeZone ?? "UTC"))"
                if cron.suspended { line += " suspended" }
                if let problem = cron.problem {
                    line += ": invalid: \(problem)"
                } else {
                    line += ": " + cron.nextRuns.map(PlanFormatting.timestamp).joined(separator: ", ")
                }
                out.write(line + "\n")
            }
        }
        let placed = plan.pods.count - unschedulable.count
        out.write("\n\(plan.pods.count) pods: \(placed) placed, ")
        out.write("\(unschedulable.count) unschedulable on \(plan.nodes.count) nodes\n")
        return out.text
    }

    /// `[####------] 1200m/4 (30%)`.
    private static func writeLoad(
        _ used: Int64, _ total: Int64, _ format: (Int64) -> [UInt8], into out: inout RenderBuffer
    ) {
        out.write(PlanFormatting.bar(used, total))
        out.write(byte: UInt8(ascii: " "))
        out.write(format(used))
        out.write(byte: UInt8(ascii: "/"))
        out.write(format(total))
        out.write(" (")
        out.write(PlanFormatting.percent(used, total))
        out.write("%)")
    }

    /// `  KEY  ADDRESS  Kind owner  (spec.nodeName)`, padded, without trailing spaces.
    ///
    /// Reads the pod in place (a copy of it would retain each of its strings).
    private static func writePodLine(
        _ key: String, _ pods: [PlacementPlan.Pod], _ position: Int, podWidth: Int, into out: inout RenderBuffer
    ) {
        // A dual-stack pod shows every address, primary first (`10.244.1.2,fd00:10:244:1::2`).
        let start = out.bytes.count
        out.write("  ")
        writePadded(key, podWidth, into: &out)
        out.write("  ")
        let addressStart = out.bytes.count
        if pods[position].ips.count > 1 {
            for index in pods[position].ips.indices {
                if index > 0 { out.write(byte: UInt8(ascii: ",")) }
                out.write(pods[position].ips[index])
            }
        } else if let ip = pods[position].ip {
            out.write(ip)
        } else {
            out.write(byte: UInt8(ascii: "-"))
        }
        out.write(spaces: 15 - (out.bytes.count - addressStart))
        if let owner = pods[position].owner {
            out.write("  ")
            out.write(owner.kind)
            out.write(byte: UInt8(ascii: " "))
            out.write(owner.name)
        }
        if pods[position].preBound { out.write("  (spec.nodeName)") }
        let ascii = !out.bytes[start...].contains { $0 >= 0x80 || $0 == 0x0D }
        if ascii {
            while out.bytes.last == UInt8(ascii: " ") { out.bytes.removeLast() }
        } else {
            // Characters, not bytes: padding counted them, and a space may belong to the character before it.
            out.bytes.removeSubrange(start...)
            out.write(slowLine(key, pods[position], podWidth: podWidth))
        }
        out.write(byte: UInt8(ascii: "\n"))
    }

    /// The pod line built from `String`s (for lines that are not plain ASCII).
    private static func slowLine(_ key: String, _ pod: PlacementPlan.Pod, podWidth: Int) -> String {
        let ips = pod.ips
        let address = ips.count > 1 ? ips.map(\.description).joined(separator: ",") : pod.ip?.description
        var line = "  " + pad(key, podWidth) + "  " + pad(address ?? "-", 15)
        if let owner = pod.owner { line += "  \(owner.kind) \(owner.name)" }
        if pod.preBound { line += "  (spec.nodeName)" }
        return line.trimmingTrailingSpaces
    }

    private static func writePadded(_ text: String, _ width: Int, into out: inout RenderBuffer) {
        out.write(text)
        out.write(spaces: width - RenderBuffer.characterCount(text))
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var result = Substring(self)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
