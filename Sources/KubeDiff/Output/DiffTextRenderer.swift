import KubeYAML

/// Renders a `DiffReport` for people: grouped by object, one line per field, colour only when asked.
///
/// ```
/// ~ Deployment default/web (apps/v1)  old/web.yaml:1:1 → new/web.yaml:1:1
///   ~ spec.replicas: 3 → 4  L8:13 → L8:13
///   + spec.template.spec.containers[name=web].env[name=DEBUG]: {name: DEBUG, value: "1"}  L21:11
///   error: spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable [diff-forbidden-update]
///     at new/web.yaml:10:7; hint: needs delete and recreate
///   rollout (RollingUpdate): pod template changed: ...
///        old   new  total  action
///          4     0      4
///          4     1      5  scale up new ReplicaSet to 1
/// ```
/// Markers: `+` added, `-` removed, `~` modified, `!` type changed, `↕` keyed items reordered. The last
/// line sums up.
package struct DiffTextRenderer: Sendable {
    /// ANSI colours (green additions, red removals and errors, yellow modifications and warnings).
    package var color: Bool
    /// Rows of a rollout table shown before the middle is elided.
    package var maxStepRows: Int
    /// List the compiled rule lines and zone records, not only their counts (`--verbose`).
    package var verbose: Bool

    /// A renderer; colour is off unless asked for.
    package init(color: Bool = false, maxStepRows: Int = 24, verbose: Bool = false) {
        self.color = color
        self.maxStepRows = maxStepRows
        self.verbose = verbose
    }

    /// The whole report: input problems, then each object, then the summary line.
    package func render(_ report: DiffReport) -> String {
        var lines: [String] = []
        for diagnostic in report.diagnostics { lines.append(contentsOf: renderDiagnostic(diagnostic, indent: "")) }
        if let cluster = report.cluster, report.compiled == nil {
            lines.append(paint("cluster \(cluster.path): \(cluster.status): \(cluster.message)", .yellow))
        }
        for object in report.objects { lines.append(contentsOf: renderObject(object)) }
        if let compiled = report.compiled { lines += compiled.textLines(verbose: verbose) }
        lines.append(summaryLine(report))
        if let compiled = report.compiled { lines.append(compiled.summaryText) }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Objects

    func renderObject(_ object: ObjectDiff) -> [String] {
        var lines: [String] = []
        let version = object.oldAPIVersion.map { "\($0) → \(object.identity.apiVersion)" } ?? object.identity.apiVersion
        let title = "\(object.displayName) (\(version))"
        switch object.change {
        case .added:
            lines.append(paint("+ " + title, .green, bold: true) + "  " + place(object.newRange))
        case .removed:
            lines.append(paint("- " + title, .red, bold: true) + "  " + place(object.oldRange))
        case .modified:
            lines.append(
                paint("~ " + title, .yellow, bold: true) + "  " + place(object.oldRange) + " → "
                    + place(object.newRange))
        case .renamed:
            lines.append(
                paint("→ " + title + " renamed from \(object.oldName ?? "")", .yellow, bold: true) + "  "
                    + place(object.oldRange) + " → " + place(object.newRange))
        }
        if object.oldAPIVersion != nil {
            lines.append(
                "  " + paint("~ apiVersion: \(object.oldAPIVersion ?? "") → \(object.identity.apiVersion)", .yellow))
        }
        let summarized = Set(object.schemaChanges.map(\.version))
        for change in object.fields {
            if !summarized.isEmpty, CRDSchemaChanges.covers(change.path), let version = Self.version(change.path),
                summarized.contains(version)
            {
                continue
            }
            if let block = renderLines(change) {
                lines += block
            } else {
                lines.append("  " + renderField(change))
            }
        }
        for schema in object.schemaChanges { lines += renderSchema(schema) }
        for finding in object.findings { lines.append(contentsOf: renderDiagnostic(finding, indent: "  ")) }
        if let rollout = object.rollout { lines.append(contentsOf: renderRollout(rollout)) }
        return lines
    }

    func renderField(_ change: FieldChange) -> String {
        let path = change.path.description
        switch change.kind {
        case .added:
            return paint("+ \(path): \(change.new?.inline() ?? "")", .green) + "  " + line(change.newRange)
        case .removed:
            return paint("- \(path): \(change.old?.inline() ?? "")", .red) + "  " + line(change.oldRange)
        case .modified:
            // Scalars in full up to a long line (image digests must stay readable); collections shorter.
            let old = change.old?.inline(limit: Self.limit(change.old)) ?? ""
            let new = change.new?.inline(limit: Self.limit(change.new)) ?? ""
            return paint("~ \(path): \(old) → \(new)", .yellow) + "  " + line(change.oldRange) + " → "
                + line(change.newRange)
        case .reordered:
            let old = change.old?.inline(limit: 60) ?? ""
            let new = change.new?.inline(limit: 60) ?? ""
            return paint("↕ \(path): order \(old) → \(new)", .yellow) + "  " + line(change.oldRange) + " → "
                + line(change.newRange)
        case .typeChanged:
            let old = change.old.map { "\($0.inline(limit: 50)) (\($0.typeName))" } ?? ""
            let new = change.new.map { "\($0.inline(limit: 50)) (\($0.typeName))" } ?? ""
            return paint("! \(path): \(old) → \(new)", .yellow) + "  " + line(change.oldRange) + " → "
                + line(change.newRange)
        }
    }

    /// A multi-line string changed: a header, then the unified hunks indented under it; nil for other changes.
    func renderLines(_ change: FieldChange) -> [String]? {
        guard change.kind == .modified, case .scalar(let old, .string)? = change.old,
            case .scalar(let new, .string)? = change.new, LineDiff.applies(old, new)
        else { return nil }
        let hunks = LineDiff.hunks(old, new)
        let removed = hunks.reduce(0) { $0 + $1.lines.filter { if case .removed = $0 { true } else { false } }.count }
        let added = hunks.reduce(0) { $0 + $1.lines.filter { if case .added = $0 { true } else { false } }.count }
        var lines = [
            "  "
                + paint(
                    "~ \(change.path): \(Self.count(removed, "line")) removed, \(Self.count(added, "line")) added",
                    .yellow)
                + "  " + line(change.oldRange) + " → " + line(change.newRange)
        ]
        for hunk in hunks {
            lines.append("      " + paint(hunk.header, .plain))
            for entry in hunk.lines {
                switch entry {
                case .context: lines.append("      " + entry.text)
                case .removed: lines.append("      " + paint(entry.text, .red))
                case .added: lines.append("      " + paint(entry.text, .green))
                }
            }
        }
        return lines
    }

    func renderRollout(_ plan: RolloutPlan) -> [String] {
        // Kinds without a rollout strategy (ReplicaSet, CronJob) say so in words, not as "(None)".
        let head = plan.strategy == "None" ? "  rollout: " : "  rollout (\(plan.strategy)): "
        var lines = [head + plan.summary]
        if let surge = plan.maxSurge, let unavailable = plan.maxUnavailable, !plan.steps.isEmpty {
            // The settings and what they resolve to for this replica count: not a change, so no arrow.
            lines.append(
                "    maxSurge \(surge) (\(Self.count(plan.resolvedMaxSurge ?? 0, "pod"))), maxUnavailable \(unavailable) (\(Self.count(plan.resolvedMaxUnavailable ?? 0, "pod")))"
            )
        }
        if !plan.steps.isEmpty {
            lines.append("       old    new  total  action")
            let steps = plan.steps
            let shown: [RolloutStep?] =
                steps.count <= maxStepRows
                ? steps : Array(steps.prefix(maxStepRows - 4)) + [nil] + Array(steps.suffix(3))
            for step in shown {
                guard let step else {
                    lines.append("       … \(steps.count - maxStepRows + 1) more steps")
                    continue
                }
                lines.append(
                    "    " + pad(step.oldPods) + " " + pad(step.newPods) + " " + pad(step.totalPods)
                        + (step.action.isEmpty ? "" : "  " + step.action))
            }
        }
        if !plan.order.isEmpty {
            let batches = plan.order.map { $0.joined(separator: " + ") }
            lines.append("    order: " + batches.joined(separator: ", "))
        }
        for note in plan.notes { lines.append("    note: \(note)") }
        return lines
    }

    // MARK: - Pieces

    func renderDiagnostic(_ diagnostic: Diagnostic, indent: String) -> [String] {
        let tone: Tone = diagnostic.severity == .error ? .red : (diagnostic.severity == .warning ? .yellow : .plain)
        var head = indent
        if indent.isEmpty, let range = diagnostic.range { head += place(range) + ": " }
        head += paint("\(diagnostic.severity.name): \(diagnostic.message)", tone) + " [\(diagnostic.rule)]"
        var lines = [head]
        var detail: [String] = []
        if !indent.isEmpty, let range = diagnostic.range { detail.append("at " + place(range)) }
        if let hint = diagnostic.hint { detail.append("hint: " + hint) }
        if !detail.isEmpty { lines.append(indent + "  " + detail.joined(separator: "; ")) }
        for note in diagnostic.notes {
            lines.append(indent + "  note: " + note.message + (note.range.map { " (" + place($0) + ")" } ?? ""))
        }
        return lines
    }

    func summaryLine(_ report: DiffReport) -> String {
        let summary = report.summary
        // Never "no differences" when part of either side could not be compared.
        let incomplete =
            report.hasInputErrors
            ? "comparison incomplete: " + Self.count(report.inputErrorCount, "input error") + " above; " : ""
        return incomplete + comparedLine(report, summary)
    }

    private func comparedLine(_ report: DiffReport, _ summary: DiffSummary) -> String {
        guard !report.objects.isEmpty else {
            let none =
                report.hasDifferences || report.hasInputErrors
                ? "no object differences among the rest (" : "no differences ("
            return none
                + Self.count(summary.unchanged, "object") + " compared"
                + (summary.moved > 0 ? ", \(summary.moved) moved between files)" : ")")
        }
        var parts = [
            Self.count(report.objects.count, "object") + (report.objects.count == 1 ? " differs" : " differ")
                + ": \(summary.added) added, \(summary.removed) removed, \(summary.modified) modified"
                + (summary.renamed > 0 ? ", \(summary.renamed) renamed" : "")
        ]
        parts.append(
            "\(summary.unchanged) unchanged" + (summary.moved > 0 ? " (\(summary.moved) moved between files)" : ""))
        parts.append(Self.count(summary.fieldChanges, "field change"))
        if summary.forbidden > 0 {
            parts.append(Self.count(summary.forbidden, "update") + " refused by the API server")
        }
        if summary.restarts > 0 {
            parts.append(
                Self.count(summary.restarts, "workload") + (summary.restarts == 1 ? " rolls out" : " roll out"))
        }
        return parts.joined(separator: "; ")
    }

    private func place(_ range: SourceRange?) -> String {
        guard let range else { return "(default)" }
        return "\(range.file):\(range.start.line):\(range.start.column)"
    }

    private static func limit(_ value: DiffValue?) -> Int {
        if case .scalar? = value { return 200 }
        return 60
    }

    private static func count(_ value: Int, _ noun: String) -> String { "\(value) \(noun)" + (value == 1 ? "" : "s") }

    /// A field's position without its file (the object's header names the files): `L12:5`.
    private func line(_ range: SourceRange?) -> String {
        guard let range else { return "(default)" }
        return "L\(range.start.line):\(range.start.column)"
    }

    private func pad(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, 6 - text.count)) + text
    }

    enum Tone {
        case plain, red, green, yellow
    }

    func paint(_ text: String, _ tone: Tone, bold: Bool = false) -> String {
        guard color else { return text }
        let code: String
        switch tone {
        case .plain: code = bold ? "1" : "0"
        case .red: code = bold ? "1;31" : "31"
        case .green: code = bold ? "1;32" : "32"
        case .yellow: code = bold ? "1;33" : "33"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
