/// `kubec plan --explain NS/POD`: per node, every filter's verdict (the one kube-scheduler reports marked
/// `<- reported`) and every score plugin's raw, normalised and weighted score.
package enum ExplainRenderer {
    package static func render(_ explanation: Explanation, pod: String) -> String {
        var out = "Pod \(pod): "
        if let chosen = explanation.chosen {
            out += "scheduled on \(chosen)\n"
            if explanation.tied.count > 1 {
                out += "Tied for the best score (any is a valid kube-scheduler answer; --seed picks): "
                    + explanation.tied.joined(separator: ", ") + "\n"
            }
        } else {
            out += "unschedulable\n  \(explanation.message ?? "")\n"
        }
        if !explanation.skippedScores.isEmpty {
            out +=
                "Score plugins skipped for this pod (PreScore Skip): \(explanation.skippedScores.joined(separator: ", "))\n"
        }
        let width =
            (explanation.nodes.flatMap(\.filters).map(\.plugin.count)
            + explanation.nodes.flatMap(\.scores).map(\.plugin.count))
            .max() ?? 10
        for node in explanation.nodes {
            out += "\nnode \(node.name)"
            if node.name == explanation.chosen { out += "  (chosen)" }
            out += "\n"
            if let absent = node.absent { out += "  prefilter  \(absent)\n" }
            for verdict in node.filters {
                var line = "  filter  " + PlanTextRenderer.pad(verdict.plugin, width) + "  " + code(verdict.status)
                if let reasons = verdict.status?.reasons, !reasons.isEmpty {
                    line += ": " + reasons.joined(separator: ", ")
                }
                if verdict.decisive { line += "  <- reported" }
                out += line + "\n"
            }
            for entry in node.scores {
                out +=
                    "  score   " + PlanTextRenderer.pad(entry.plugin, width)
                    + "  raw \(entry.raw)  normalized \(entry.normalized)  x\(entry.weight) = \(entry.weighted)\n"
            }
            if let total = node.total { out += "  total   \(total)\n" }
        }
        return out
    }

    /// `pass`, `skip`, `Unschedulable`, `UnschedulableAndUnresolvable`.
    static func code(_ status: Status?) -> String {
        guard let status else { return "skip" }
        switch status.code {
        case .success: return "pass"
        case .skip: return "skip"
        case .unschedulable: return "Unschedulable"
        case .unschedulableAndUnresolvable: return "UnschedulableAndUnresolvable"
        }
    }
}
