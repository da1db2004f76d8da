import KubePlan
import KubeYAML

/// `kubec diff --output html`: the diff report as one self-contained page (inline CSS and SVG, no fetches).
///
/// Drawn from the `DiffReport` as the stage produced it, nothing recomputed: per object its field changes
/// (old → new), the updates the API server refuses with their wording, the rollout steps as a timeline, and
/// with `--cluster` the placement and dataplane changes grouped by node. Every change carries a word (added,
/// removed, changed, refused), so colour only repeats what the text says. The content reads without
/// JavaScript; the one inline script adds a search box (prefilled from `?q=` or `#q=` in the address).
package enum DiffHTMLRenderer {
    /// The page; `verbose` lists the rule lines and zone records of the compiled section, as `--verbose` does.
    package static func render(_ report: DiffReport, verbose: Bool = false) -> String {
        let refused = report.objects.indices.filter { report.objects[$0].findings.contains(where: isRefusal) }
        let rollouts = report.objects.indices.filter { report.objects[$0].rollout != nil }
        var out = ""
        out.reserveCapacity(4_096 + report.objects.count * 1_024)
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        let verb = report.objects.count == 1 ? "differs" : "differ"
        out += "<title>kubec diff: \(count(report.objects.count, "object")) \(verb)</title>\n"
        out += "<style>\n" + DiffHTMLStyle.css + "</style>\n</head>\n<body>\n"
        out += DiffHTMLStyle.patterns + "<header>\n<h1>Diff</h1>\n"
        out += "<p class=\"totals\">" + HTMLText.escape(DiffTextRenderer().summaryLine(report)) + "</p>\n"
        if let compiled = report.compiled {
            out += "<p class=\"totals\">" + HTMLText.escape(compiled.summaryText) + "</p>\n"
        }
        out += "<nav aria-label=\"Sections\"><ul>"
        if !report.diagnostics.isEmpty {
            out += "<li><a href=\"#inputs\">Input problems (\(report.diagnostics.count))</a></li>"
        }
        if !refused.isEmpty { out += "<li><a href=\"#refused\">Refused updates (\(refused.count))</a></li>" }
        out += "<li><a href=\"#objects\">Objects (\(report.objects.count))</a></li>"
        if !rollouts.isEmpty { out += "<li><a href=\"#rollouts\">Rollouts and scaling (\(rollouts.count))</a></li>" }
        if report.compiled != nil || report.cluster != nil {
            out += "<li><a href=\"#compiled\">Placement and dataplane</a></li>"
        }
        out += "</ul></nav>\n"
        out += "<p id=\"search\" class=\"controls\" hidden><label for=\"q\">Search objects, fields and nodes</label> "
        out += "<input id=\"q\" type=\"search\" autocomplete=\"off\"> "
        out += "<span id=\"search-status\" role=\"status\"></span></p>\n</header>\n<main>\n"
        inputs(report.diagnostics, into: &out)
        refusedIndex(report, refused, into: &out)
        out += "<section class=\"group\" id=\"objects\" aria-labelledby=\"objects-title\">\n"
        out += "<h2 id=\"objects-title\">Objects <small>(\(report.objects.count))</small></h2>\n"
        if report.objects.isEmpty { out += "<p class=\"empty\">No object differs.</p>\n" }
        for (index, object) in report.objects.enumerated() { self.object(object, index: index, into: &out) }
        out += "</section>\n"
        rolloutIndex(report, rollouts, into: &out)
        compiledSection(report, verbose: verbose, into: &out)
        out += "</main>\n<script>\n" + DiffHTMLStyle.script + "</script>\n</body>\n</html>\n"
        return out
    }

    /// An update the API server would refuse: the errors among an object's findings.
    static func isRefusal(_ diagnostic: Diagnostic) -> Bool { diagnostic.severity == .error }

    /// `1 object`, `3 objects`.
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    /// The anchor of the object at `index` in the report.
    static func anchor(_ index: Int) -> String { "object-\(index + 1)" }

    // MARK: - Sections

    static func inputs(_ diagnostics: [Diagnostic], into out: inout String) {
        guard !diagnostics.isEmpty else { return }
        out += "<section id=\"inputs\" aria-labelledby=\"inputs-title\">\n"
        out +=
            "<h2 id=\"inputs-title\">Input problems <small>(\(diagnostics.count))</small></h2>\n<ul class=\"findings\">"
        for diagnostic in diagnostics { finding(diagnostic, into: &out) }
        out += "</ul>\n</section>\n"
    }

    /// Links to every object with a refused update, before the objects themselves.
    static func refusedIndex(_ report: DiffReport, _ indices: [Int], into out: inout String) {
        guard !indices.isEmpty else { return }
        out += "<section id=\"refused\" class=\"refused-index\" aria-labelledby=\"refused-title\">\n"
        out += "<h2 id=\"refused-title\"><span class=\"tag refused\">refused</span> Updates the API server refuses "
        out += "<small>(\(indices.count))</small></h2>\n<ul>"
        for index in indices {
            let object = report.objects[index]
            let errors = object.findings.filter(isRefusal)
            out += "<li><a href=\"#\(anchor(index))\">\(HTMLText.escape(object.displayName))</a>: "
            out += errors.map { HTMLText.escape($0.message) }.joined(separator: "; ") + "</li>"
        }
        out += "</ul>\n</section>\n"
    }

    /// Links to every object that rolls out, after the objects.
    static func rolloutIndex(_ report: DiffReport, _ indices: [Int], into out: inout String) {
        guard !indices.isEmpty else { return }
        out += "<section id=\"rollouts\" aria-labelledby=\"rollouts-title\">\n"
        out += "<h2 id=\"rollouts-title\">Rollouts and scaling <small>(\(indices.count))</small></h2>\n<ul>"
        for index in indices {
            let object = report.objects[index]
            guard let plan = object.rollout else { continue }
            out += "<li><a href=\"#\(anchor(index))-rollout\">\(HTMLText.escape(object.displayName))</a>: "
            out += HTMLText.escape(plan.summary) + "</li>"
        }
        out += "</ul>\n</section>\n"
    }

    // MARK: - One object

    static func object(_ object: ObjectDiff, index: Int, into out: inout String) {
        let refused = object.findings.contains(where: isRefusal)
        let (tag, word) = changeTag(object.change)
        let id = anchor(index)
        out += "<article class=\"object\(refused ? " has-refused" : "")\" id=\"\(id)\" data-search "
        out += "aria-labelledby=\"\(id)-title\">\n<h3 id=\"\(id)-title\"><span class=\"tag \(tag)\">\(word)</span> "
        out += HTMLText.escape(object.displayName)
        let version = object.oldAPIVersion.map { "\($0) → \(object.identity.apiVersion)" } ?? object.identity.apiVersion
        out += " <small>(\(HTMLText.escape(version)))</small>"
        if refused { out += " <span class=\"tag refused\">refused</span>" }
        out += "</h3>\n<p class=\"where\">"
        switch object.change {
        case .added: out += "in " + place(object.newRange)
        case .removed: out += "was in " + place(object.oldRange)
        case .modified: out += place(object.oldRange) + " → " + place(object.newRange)
        case .renamed:
            out += "renamed from <code>\(HTMLText.escape(object.oldName ?? ""))</code>; "
            out += place(object.oldRange) + " → " + place(object.newRange)
        }
        out += "</p>\n"
        let errors = object.findings.filter(isRefusal)
        if !errors.isEmpty {
            out += "<div class=\"refusal\" role=\"note\"><p><strong>The API server refuses this update:</strong></p>"
            out += "<ul class=\"findings\">"
            for diagnostic in errors { finding(diagnostic, into: &out) }
            out += "</ul></div>\n"
        }
        fieldTable(object, into: &out)
        for schema in object.schemaChanges { self.schema(schema, into: &out) }
        let others = object.findings.filter { !isRefusal($0) }
        if !others.isEmpty {
            out += "<ul class=\"findings\">"
            for diagnostic in others { finding(diagnostic, into: &out) }
            out += "</ul>\n"
        }
        if let plan = object.rollout { rollout(plan, id: id + "-rollout", into: &out) }
        out += "</article>\n"
    }

    /// The CSS class and the word of an object's change.
    static func changeTag(_ change: ObjectDiff.Change) -> (String, String) {
        switch change {
        case .added: ("add", "added")
        case .removed: ("del", "removed")
        case .modified: ("mod", "modified")
        case .renamed: ("mod", "renamed")
        }
    }

    /// One finding: severity as a word, the message, rule id, position, hint and notes.
    static func finding(_ diagnostic: Diagnostic, into out: inout String) {
        let severity = diagnostic.severity.name
        let tag = diagnostic.severity == .error ? "refused" : (diagnostic.severity == .warning ? "warn" : "info")
        out += "<li><span class=\"tag \(tag)\">\(HTMLText.escape(severity))</span> "
        out += "<span class=\"message\">\(HTMLText.escape(diagnostic.message))</span> "
        out += "<small>[\(HTMLText.escape(diagnostic.rule))]</small>"
        var detail: [String] = []
        if let range = diagnostic.range { detail.append("at " + place(range)) }
        if let hint = diagnostic.hint { detail.append("hint: " + HTMLText.escape(hint)) }
        if !detail.isEmpty { out += "<br><small>" + detail.joined(separator: "; ") + "</small>" }
        for note in diagnostic.notes {
            out += "<br><small>note: " + HTMLText.escape(note.message)
            out += note.range.map { " (" + place($0) + ")" } ?? ""
            out += "</small>"
        }
        out += "</li>"
    }

    /// `file:line:col`, escaped; `(default)` when there is no position.
    static func place(_ range: SourceRange?) -> String {
        guard let range else { return "(default)" }
        return "<code>" + HTMLText.escape("\(range.file):\(range.start.line):\(range.start.column)") + "</code>"
    }
}
