/// `kubec plan` text: per node its load (pods, cpu, memory with bars) and its pods; then the unschedulable
/// pods with kube-scheduler's messages; then CronJob runs.
package enum PlanTextRenderer {
    package static func render(_ result: PlanResult) -> String {
        let plan = result.plan
        var out = ""
        let nameWidth = max(plan.nodes.map(\.name.count).max() ?? 4, 4)
        // Positions, not copies of the pods: the first pod of each key, as before.
        let byKey = Dictionary(plan.pods.indices.map { (plan.pods[$0].key, $0) }, uniquingKeysWith: { first, _ in first })
        for node in plan.nodes {
            let cpu =
                "cpu \(PlanFormatting.bar(node.requested.milliCPU, node.allocatable.milliCPU)) "
                + "\(PlanFormatting.cpu(node.requested.milliCPU))/\(PlanFormatting.cpu(node.allocatable.milliCPU)) "
                + "(\(PlanFormatting.percent(node.requested.milliCPU, node.allocatable.milliCPU))%)"
            let memory =
                "memory \(PlanFormatting.bar(node.requested.memory, node.allocatable.memory)) "
                + "\(PlanFormatting.bytes(node.requested.memory))/\(PlanFormatting.bytes(node.allocatable.memory)) "
                + "(\(PlanFormatting.percent(node.requested.memory, node.allocatable.memory))%)"
            out += pad(node.name, nameWidth) + "  pods \(node.pods.count)/\(node.allowedPods)  \(cpu)  \(memory)\n"
            let podWidth = node.pods.map(\.count).max() ?? 0
            for key in node.pods {
                guard let position = byKey[key] else { continue }
                // Read in place: a copy of the pod would retain each of its strings.
                let ips = plan.pods[position].ips
                // A dual-stack pod shows every address, primary first (`10.244.1.2,fd00:10:244:1::2`).
                let address = ips.count > 1 ? ips.map(\.description).joined(separator: ",") : plan.pods[position].ip?.description
                var line = "  " + pad(key, podWidth) + "  " + pad(address ?? "-", 15)
                if let owner = plan.pods[position].owner { line += "  \(owner.kind) \(owner.name)" }
                if plan.pods[position].preBound { line += "  (spec.nodeName)" }
                out += line.trimmingTrailingSpaces + "\n"
            }
        }
        // Positions of the unschedulable pods (no copy of each pod).
        let unschedulable = plan.pods.indices.filter { plan.pods[$0].node == nil }
        if !unschedulable.isEmpty {
            out += "\nUnschedulable pods (\(unschedulable.count)):\n"
            for position in unschedulable {
                let pod = plan.pods[position]
                out += "  \(pod.key): \(pod.message ?? "")\n"
            }
        }
        if !plan.cronJobs.isEmpty {
            out += "\nCronJobs (next runs after \(PlanFormatting.timestamp(plan.referenceTime))):\n"
            for cron in plan.cronJobs {
                var line = "  \(cron.namespace)/\(cron.name) \"\(cron.schedule)\" (\(cron.timeZone ?? "UTC"))"
                if cron.suspended { line += " suspended" }
                if let problem = cron.problem {
                    line += ": invalid: \(problem)"
                } else {
                    line += ": " + cron.nextRuns.map(PlanFormatting.timestamp).joined(separator: ", ")
                }
                out += line + "\n"
            }
        }
        let placed = plan.pods.count - unschedulable.count
        out +=
            "\n\(plan.pods.count) pods: \(placed) placed, \(unschedulable.count) unschedulable on \(plan.nodes.count) nodes\n"
        return out
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
