import KubePlan

/// A workload's rollout as a timeline: one step per row, each with its pod counts in words and a small inline
/// SVG bar (old pods solid blue, new pods hatched orange; the counts beside it say the same).
extension DiffHTMLRenderer {
    /// Steps shown before the rest fold into a `<details>` (a 1,000-replica rollout has hundreds).
    static let maxOpenSteps = 24

    /// Width in SVG units of the bar for the largest step.
    static let barWidth = 240

    static func rollout(_ plan: RolloutPlan, id: String, into out: inout String) {
        out += "<section class=\"rollout\" id=\"\(id)\" aria-label=\"Rollout\"><h4>Rollout"
        if plan.strategy != "None" { out += " <small>(\(HTMLText.escape(plan.strategy)))</small>" }
        out += "</h4>\n<p>\(HTMLText.escape(plan.summary))</p>\n"
        if let surge = plan.maxSurge, let unavailable = plan.maxUnavailable, !plan.steps.isEmpty {
            out += "<p class=\"fig\">maxSurge \(HTMLText.escape(surge.description)) "
            out += "(\(count(plan.resolvedMaxSurge ?? 0, "pod"))), maxUnavailable "
            out +=
                "\(HTMLText.escape(unavailable.description)) (\(count(plan.resolvedMaxUnavailable ?? 0, "pod")))</p>\n"
        }
        if !plan.steps.isEmpty {
            let widest = max(1, plan.steps.map(\.totalPods).max() ?? 1)
            out += "<p class=\"legend-pods\"><i class=\"o\"></i>old pods <i class=\"n\"></i>new pods</p>\n"
            out += "<ol class=\"timeline\">\n"
            let open = plan.steps.count <= maxOpenSteps ? plan.steps.count : maxOpenSteps - 4
            for (number, step) in plan.steps.prefix(open).enumerated() {
                self.step(step, number: number, widest: widest, into: &out)
            }
            out += "</ol>\n"
            if open < plan.steps.count {
                out += "<details class=\"more\"><summary>\(plan.steps.count - open) more steps</summary>"
                out += "<ol class=\"timeline\" start=\"\(open + 1)\">\n"
                for (number, step) in plan.steps.enumerated().dropFirst(open) {
                    self.step(step, number: number, widest: widest, into: &out)
                }
                out += "</ol></details>\n"
            }
        }
        if !plan.order.isEmpty {
            out += "<p>Update order:</p><ol class=\"order\">"
            for batch in plan.order {
                out += "<li>" + batch.map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: " + ") + "</li>"
            }
            out += "</ol>\n"
        }
        if !plan.notes.isEmpty {
            out += "<ul class=\"notes\">"
            for note in plan.notes { out += "<li>note: \(HTMLText.escape(note))</li>" }
            out += "</ul>\n"
        }
        out += "</section>\n"
    }

    /// One step: the action (or "before" for the first row), the counts, and the bar.
    static func step(_ step: RolloutStep, number: Int, widest: Int, into out: inout String) {
        let action = step.action.isEmpty ? (number == 0 ? "before the rollout" : "") : step.action
        let oldWidth = step.oldPods * barWidth / widest
        let newWidth = step.newPods * barWidth / widest
        let label = "\(step.oldPods) old, \(step.newPods) new, \(step.totalPods) in all"
        out += "<li><span class=\"action\">\(HTMLText.escape(action))</span> "
        out += "<span class=\"fig\">old \(step.oldPods) · new \(step.newPods) · total \(step.totalPods)</span> "
        out += "<svg class=\"pods\" width=\"\(barWidth)\" height=\"12\" viewBox=\"0 0 \(barWidth) 12\" role=\"img\" "
        out += "aria-label=\"\(label)\"><rect class=\"track\" width=\"\(barWidth)\" height=\"12\"/>"
        if oldWidth > 0 { out += "<rect class=\"oldpods\" width=\"\(oldWidth)\" height=\"12\"/>" }
        if newWidth > 0 {
            out += "<rect class=\"newpods\" x=\"\(oldWidth)\" width=\"\(newWidth)\" height=\"12\"/>"
            out += "<rect class=\"hatch\" x=\"\(oldWidth)\" width=\"\(newWidth)\" height=\"12\"/>"
        }
        out += "</svg></li>\n"
    }
}
