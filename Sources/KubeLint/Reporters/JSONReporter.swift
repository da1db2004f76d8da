import Dispatch
import KubeYAML

/// The JSON report of CLI.md: `{"diagnostics": [...], "summary": {...}}`, keys in contract order.
package enum JSONReporter {
    package static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        Reporters.text(of: renderedChunks(diagnostics, context: context))
    }

    /// The report's UTF-8 bytes in pieces to write one after the other: what
    /// `JSONValue.object([("diagnostics", .array(…)), ("summary", …)]).rendered(pretty: true)` writes, with the
    /// diagnostics rendered in chunks on both cores and never joined into one string.
    package static func renderedChunks(_ diagnostics: [Diagnostic], context: ReportContext) -> [[UInt8]] {
        let counts = diagnostics.severityCounts
        let summary = JSONValue.object([
            ("files", .int(context.fileCount)),
            ("documents", .int(context.documentCount)),
            ("errors", .int(counts.errors)),
            ("warnings", .int(counts.warnings)),
            ("infos", .int(counts.infos)),
        ])
        var head = Array("{\n  \"diagnostics\": ".utf8)
        var tail: [UInt8] = []
        var chunks: [[UInt8]] = []
        if diagnostics.isEmpty {
            head += "[]".utf8
        } else {
            head.append(UInt8(ascii: "["))
            chunks = diagnosticChunks(diagnostics, helm: HelmSources(context.files))
            JSONValue.newline(&tail, indent: 1)
            tail.append(UInt8(ascii: "]"))
        }
        tail += ",\n  \"summary\": ".utf8
        summary.write(to: &tail, pretty: true, indent: 1)
        tail += "\n}\n".utf8
        return [head] + chunks + [tail]
    }

    /// The diagnostics as pretty array items at depth 2, each after its comma and line break, in chunks.
    private static func diagnosticChunks(_ diagnostics: [Diagnostic], helm: HelmSources) -> [[UInt8]] {
        let chunkSize = 2_048
        let chunks = (diagnostics.count + chunkSize - 1) / chunkSize
        let slots = ResultSlots<[UInt8]>(count: chunks)
        let body: @Sendable (Int) -> Void = { chunk in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(chunkSize * 256)
            // Read in the buffer: `diagnostics[position]` would copy each finding (a retain per string).
            diagnostics.withUnsafeBufferPointer { diagnostics in
                for position in chunk * chunkSize..<min(diagnostics.count, (chunk + 1) * chunkSize) {
                    if position > 0 { bytes.append(UInt8(ascii: ",")) }
                    JSONValue.newline(&bytes, indent: 2)
                    write(diagnostics[position], helm: helm, to: &bytes)
                }
            }
            slots.store(bytes, at: chunk)
        }
        if chunks > 1 { DispatchQueue.concurrentPerform(iterations: chunks, execute: body) } else { body(0) }
        return slots.values()
    }

    /// What `value(diagnostic, helm: helm).write(to: &output, pretty: true, indent: 2)` writes, written straight
    /// to the bytes: a lint with 145,000 findings built as many little trees of values only to print them. Each
    /// key, with the comma, line break and indentation before it, is copied from bytes made once.
    static func write(_ diagnostic: Diagnostic, helm: HelmSources, to output: inout [UInt8]) {
        let keys = JSONKeys.shared
        func optional(_ value: String?) {
            if let value { JSONValue.writeString(value, to: &output) } else { output += "null".utf8 }
        }
        output.append(UInt8(ascii: "{"))
        output += keys.rule
        JSONValue.writeString(diagnostic.rule, to: &output)
        output += keys.severity
        JSONValue.writeString(diagnostic.severity.name, to: &output)
        if let range = diagnostic.range {
            output += keys.file
            JSONValue.writeString(range.file, to: &output)
            output += keys.line
            DecimalBytes.append(range.start.line, to: &output)
            output += keys.column
            DecimalBytes.append(range.start.column, to: &output)
            output += keys.endLine
            DecimalBytes.append(range.end.line, to: &output)
            output += keys.endColumn
            DecimalBytes.append(range.end.column, to: &output)
        } else {
            output += keys.nullPlace
        }
        output += keys.object
        if let object = diagnostic.object {
            output.append(UInt8(ascii: "{"))
            output += keys.apiVersion
            JSONValue.writeString(object.apiVersion, to: &output)
            output += keys.kind
            JSONValue.writeString(object.kind, to: &output)
            output += keys.namespace
            optional(object.namespace)
            output += keys.name
            JSONValue.writeString(object.name, to: &output)
            output += keys.objectEnd
        } else {
            output += "null".utf8
        }
        output += keys.path
        optional(diagnostic.path)
        output += keys.message
        JSONValue.writeString(diagnostic.message, to: &output)
        output += keys.hint
        optional(diagnostic.hint)
        if let template = helm.template(for: diagnostic.range) {
            output += keys.template
            JSONValue.writeString(template, to: &output)
        }
        if !diagnostic.notes.isEmpty {
            output += keys.notes
            output.append(UInt8(ascii: "["))
            for (index, note) in diagnostic.notes.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.newline(&output, indent: 4)
                output.append(UInt8(ascii: "{"))
                output += keys.noteMessage
                JSONValue.writeString(note.message, to: &output)
                if let range = note.range {
                    output += keys.noteFile
                    JSONValue.writeString(range.file, to: &output)
                    output += keys.noteLine
                    DecimalBytes.append(range.start.line, to: &output)
                    output += keys.noteColumn
                    DecimalBytes.append(range.start.column, to: &output)
                }
                JSONValue.newline(&output, indent: 4)
                output.append(UInt8(ascii: "}"))
            }
            JSONValue.newline(&output, indent: 3)
            output.append(UInt8(ascii: "]"))
        }
        JSONValue.newline(&output, indent: 2)
        output.append(UInt8(ascii: "}"))
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

/// The keys of a finding as `JSONReporter.write` prints them: a comma unless first, a line break, the
/// indentation of the key's depth, the quoted name and `: `.
private struct JSONKeys: Sendable {
    static let shared = JSONKeys()

    let rule = key("rule", first: true)
    let severity = key("severity")
    let file = key("file")
    let line = key("line")
    let column = key("column")
    let endLine = key("endLine")
    let endColumn = key("endColumn")
    /// The five place keys of a finding without a range, each with `null`.
    let nullPlace = ["file", "line", "column", "endLine", "endColumn"].flatMap { key($0) + Array("null".utf8) }
    let object = key("object")
    let apiVersion = key("apiVersion", indent: 4, first: true)
    let kind = key("kind", indent: 4)
    let namespace = key("namespace", indent: 4)
    let name = key("name", indent: 4)
    /// The line break and indentation before the object's closing brace, and the brace.
    let objectEnd: [UInt8] = {
        var bytes: [UInt8] = []
        JSONValue.newline(&bytes, indent: 3)
        return bytes + [UInt8(ascii: "}")]
    }()
    let path = key("path")
    let message = key("message")
    let hint = key("hint")
    let template = key("template")
    let notes = key("notes")
    let noteMessage = key("message", indent: 5, first: true)
    let noteFile = key("file", indent: 5)
    let noteLine = key("line", indent: 5)
    let noteColumn = key("column", indent: 5)

    private static func key(_ name: String, indent: Int = 3, first: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = first ? [] : [UInt8(ascii: ",")]
        JSONValue.newline(&bytes, indent: indent)
        JSONValue.writeString(name, to: &bytes)
        return bytes + Array(": ".utf8)
    }
}
