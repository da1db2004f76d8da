import KubePlan
import KubeYAML

/// An object's field changes as a table (change word, field path, old → new, lines), multi-line strings as
/// line diffs, CRD schema changes per version as property lists.
extension DiffHTMLRenderer {
    static func fieldTable(_ object: ObjectDiff, into out: inout String) {
        let summarized = Set(object.schemaChanges.map(\.version))
        let fields = object.fields.filter { change in
            guard !summarized.isEmpty, CRDSchemaChanges.covers(change.path),
                let version = DiffTextRenderer.version(change.path)
            else { return true }
            return !summarized.contains(version)
        }
        guard !fields.isEmpty || object.oldAPIVersion != nil else { return }
        out +=
            "<table class=\"fields\"><colgroup><col class=\"c-change\"><col class=\"c-field\"><col class=\"c-value\">"
        out += "<col class=\"c-value\"><col class=\"c-lines\"></colgroup>"
        out += "<thead><tr><th scope=\"col\">Change</th><th scope=\"col\">Field</th>"
        out += "<th scope=\"col\">Old</th><th scope=\"col\">New</th><th scope=\"col\">Lines</th></tr></thead><tbody>\n"
        if let old = object.oldAPIVersion {
            out += "<tr><td><span class=\"tag mod\">changed</span></td><td><code>apiVersion</code></td>"
            out += "<td class=\"old\">\(HTMLText.escape(old))</td>"
            out += "<td class=\"new\">\(HTMLText.escape(object.identity.apiVersion))</td><td></td></tr>\n"
        }
        for change in fields { field(change, into: &out) }
        out += "</tbody></table>\n"
    }

    /// One row; a multi-line string change gets its hunks in a row of its own below.
    static func field(_ change: FieldChange, into out: inout String) {
        let (tag, word) = fieldTag(change.kind)
        out += "<tr><td><span class=\"tag \(tag)\">\(word)</span></td>"
        out += "<td><code>\(HTMLText.escape(change.path.description))</code></td>"
        if let hunks = lineHunks(change) {
            let removed = hunks.reduce(0) {
                $0 + $1.lines.filter { if case .removed = $0 { true } else { false } }.count
            }
            let added = hunks.reduce(0) { $0 + $1.lines.filter { if case .added = $0 { true } else { false } }.count }
            out += "<td class=\"old\">\(count(removed, "line")) removed</td>"
            out += "<td class=\"new\">\(count(added, "line")) added</td>"
            out += "<td class=\"lines\">\(line(change.oldRange)) → \(line(change.newRange))</td></tr>\n"
            out += "<tr class=\"hunks\"><td></td><td colspan=\"4\"><pre>"
            for hunk in hunks {
                out += "<span class=\"hunk\">\(HTMLText.escape(hunk.header))</span>\n"
                for entry in hunk.lines {
                    switch entry {
                    case .context: out += HTMLText.escape(entry.text) + "\n"
                    case .removed: out += "<del>\(HTMLText.escape(entry.text))</del>\n"
                    case .added: out += "<ins>\(HTMLText.escape(entry.text))</ins>\n"
                    }
                }
            }
            out += "</pre></td></tr>\n"
            return
        }
        out += "<td class=\"old\">\(value(change.old, kind: change.kind))</td>"
        out += "<td class=\"new\">\(value(change.new, kind: change.kind))</td>"
        out += "<td class=\"lines\">"
        switch change.kind {
        case .added: out += line(change.newRange)
        case .removed: out += line(change.oldRange)
        default: out += line(change.oldRange) + " → " + line(change.newRange)
        }
        out += "</td></tr>\n"
    }

    /// The word for a field change (colour repeats it).
    static func fieldTag(_ kind: FieldChange.Kind) -> (String, String) {
        switch kind {
        case .added: ("add", "added")
        case .removed: ("del", "removed")
        case .modified: ("mod", "changed")
        case .typeChanged: ("mod", "type changed")
        case .reordered: ("mod", "reordered")
        }
    }

    /// A value in one cell: as the text report writes it (strings quoted), longer before it is cut, with its
    /// type when the type changed; an em dash on the side that has none.
    static func value(_ value: DiffValue?, kind: FieldChange.Kind) -> String {
        guard let value else { return "<span class=\"none\">—</span>" }
        let limit: Int
        if case .scalar = value { limit = 400 } else { limit = 240 }
        var text = HTMLText.escape(value.inline(limit: limit))
        if kind == .typeChanged { text += " <small>(\(HTMLText.escape(value.typeName)))</small>" }
        if kind == .reordered { text = "order " + text }
        return "<code>\(text)</code>"
    }

    /// The hunks of a multi-line string change, nil for other changes (the text report's rule).
    static func lineHunks(_ change: FieldChange) -> [LineDiff.Hunk]? {
        guard change.kind == .modified, case .scalar(let old, .string)? = change.old,
            case .scalar(let new, .string)? = change.new, LineDiff.applies(old, new)
        else { return nil }
        return LineDiff.hunks(old, new)
    }

    /// A field's line in its file (the object names the files): `L12:5`.
    static func line(_ range: SourceRange?) -> String {
        guard let range else { return "(default)" }
        return "L\(range.start.line):\(range.start.column)"
    }

    /// A CRD version's schema changes: one list item per property, each with its word.
    static func schema(_ schema: CRDSchemaChanges, into out: inout String) {
        out += "<div class=\"schema\"><p>Schema of <code>\(HTMLText.escape(schema.version))</code>: "
        out += "\(count(schema.entries.count, "property change"))</p><ul>"
        for entry in schema.entries {
            out += "<li>"
            switch entry {
            case .added(let property, let type):
                out += "<span class=\"tag add\">added</span> <code>\(HTMLText.escape(property))</code>"
                if let type { out += " (\(HTMLText.escape(type)))" }
            case .removed(let property):
                out += "<span class=\"tag del\">removed</span> <code>\(HTMLText.escape(property))</code>"
            case .changed(let property, let keywords):
                let names = keywords.map { $0 == "(whole)" ? "replaced" : $0 }
                out += "<span class=\"tag mod\">changed</span> <code>\(HTMLText.escape(property))</code>: "
                out += HTMLText.escape(names.joined(separator: ", "))
            case .nowRequired(let property):
                out += "<span class=\"tag del\">now required</span> <code>\(HTMLText.escape(property))</code>"
            case .noLongerRequired(let property):
                out += "<span class=\"tag mod\">no longer required</span> <code>\(HTMLText.escape(property))</code>"
            }
            out += "</li>"
        }
        out += "</ul></div>\n"
    }
}
