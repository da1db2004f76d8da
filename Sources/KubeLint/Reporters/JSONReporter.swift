import Dispatch
import KubeYAML

/// The JSON report of CLI.md: `{"diagnostics": [...], "summary": {...}}`, keys in contract order.
package enum JSONReporter {
    package static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let counts = diagnostics.severityCounts
        let helm = HelmSources(context.files)
        let summary = JSONValue.object([
            ("files", .int(context.fileCount)),
            ("documents", .int(context.documentCount)),
            ("errors", .int(counts.errors)),
            ("warnings", .int(counts.warnings)),
            ("infos", .int(counts.infos)),
        ])
        // What `JSONValue.object([("diagnostics", .array(…)), ("summary", …)]).rendered(pretty: true)` writes,
        // with the diagnostics rendered in chunks on both cores and joined in order.
        var output = Array("{\n  \"diagnostics\": ".utf8)
        if diagnostics.isEmpty {
            output += "[]".utf8
        } else {
            output.append(UInt8(ascii: "["))
            for chunk in renderedChunks(diagnostics, helm: helm) { output += chunk }
            JSONValue.newline(&output, indent: 1)
            output.append(UInt8(ascii: "]"))
        }
        output += ",\n  \"summary\": ".utf8
        summary.write(to: &output, pretty: true, indent: 1)
        output += "\n}\n".utf8
        return String(decoding: output, as: UTF8.self)
    }

    /// The diagnostics as pretty array items at depth 2, each after its comma and line break, in chunks.
    private static func renderedChunks(_ diagnostics: [Diagnostic], helm: HelmSources) -> [[UInt8]] {
        let chunkSize = 2_048
        let chunks = (diagnostics.count + chunkSize - 1) / chunkSize
        let slots = ResultSlots<[UInt8]>(count: chunks)
        let body: @Sendable (Int) -> Void = { chunk in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(chunkSize * 256)
            for position in chunk * chunkSize..<min(diagnostics.count, (chunk + 1) * chunkSize) {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONValue.newline(&bytes, indent: 2)
                value(diagnostics[position], helm: helm).write(to: &bytes, pretty: true, indent: 2)
            }
            slots.store(bytes, at: chunk)
        }
        if chunks > 1 { DispatchQueue.concurrentPerform(iterations: chunks, execute: body) } else { body(0) }
        return slots.values()
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
