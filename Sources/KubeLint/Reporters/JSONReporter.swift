import KubeYAML

/// The JSON report of CLI.md: `{"diagnostics": [...], "summary": {...}}`, keys in contract order.
package enum JSONReporter {
    package static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let counts = diagnostics.severityCounts
        let helm = HelmSources(context.files)
        let report = JSONValue.object([
            ("diagnostics", .array(diagnostics.map { value($0, helm: helm) })),
            ("summary", .object([
                ("files", .int(context.fileCount)),
                ("documents", .int(context.documentCount)),
                ("errors", .int(counts.errors)),
                ("warnings", .int(counts.warnings)),
                ("infos", .int(counts.infos)),
            ])),
        ])
        return report.rendered(pretty: true) + "\n"
    }

    /// One diagnostic as a JSON object (also used by other commands' JSON output); with `helm`, a `template` key
    /// names the Helm template (`# Source:`) a finding of a rendered stream came from.
    package static func value(_ diagnostic: Diagnostic, helm: HelmSources? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("rule", .string(diagnostic.rule)),
            ("severity", .string(diagnostic.severity.name)),
        ]
        if let range = diagnostic.range {
            pairs += [
                ("file", .string(range.file)),
                ("line", .int(Int(range.start.line))),
                ("column", .int(Int(range.start.column))),
                ("endLine", .int(Int(range.end.line))),
                ("endColumn", .int(Int(range.end.column))),
            ]
        } else {
            pairs += [("file", .null), ("line", .null), ("column", .null), ("endLine", .null), ("endColumn", .null)]
        }
        if let object = diagnostic.object {
            pairs.append(("object", .object([
                ("apiVersion", .string(object.apiVersion)),
                ("kind", .string(object.kind)),
                ("namespace", .optional(object.namespace)),
                ("name", .string(object.name)),
            ])))
        } else {
            pairs.append(("object", .null))
        }
        pairs.append(("path", .optional(diagnostic.path)))
        pairs.append(("message", .string(diagnostic.message)))
        pairs.append(("hint", .optional(diagnostic.hint)))
        if let template = helm?.template(for: diagnostic.range) { pairs.append(("template", .string(template))) }
        if !diagnostic.notes.isEmpty {
            pairs.append(("notes", .array(diagnostic.notes.map { note in
                var fields: [(String, JSONValue)] = [("message", .string(note.message))]
                if let range = note.range {
                    fields += [("file", .string(range.file)), ("line", .int(Int(range.start.line))),
                               ("column", .int(Int(range.start.column)))]
                }
                return .object(fields)
            })))
        }
        return .object(pairs)
    }
}
