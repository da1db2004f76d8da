import Dispatch
import KubeYAML

/// gcc-style text: `file:line:col: severity: message [rule]`, the source line, a caret, then hint and notes.
package enum TextReporter {
    package static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let lines = sourceLines(of: diagnostics, files: context.files)
        let helm = HelmSources(context.files)
        // Findings are rendered in chunks on both cores and joined in order.
        let chunkSize = 2_048
        let chunks = (diagnostics.count + chunkSize - 1) / chunkSize
        let slots = ResultSlots<String>(count: chunks)
        let body: @Sendable (Int) -> Void = { chunk in
            var text = ""
            for position in chunk * chunkSize..<min(diagnostics.count, (chunk + 1) * chunkSize) {
                render(diagnostics[position], lines: lines, helm: helm, context: context, into: &text)
            }
            slots.store(text, at: chunk)
        }
        if chunks > 1 {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
        } else if chunks == 1 {
            body(0)
        }
        let chunkTexts = slots.values()
        var output = ""
        output.reserveCapacity(chunkTexts.reduce(64) { $0 + $1.utf8.count })
        for chunk in chunkTexts { output += chunk }
        output += summary(diagnostics, context: context) + "\n"
        return output
    }

    /// Line starts of every file that has a finding, found once per file (on both cores).
    private static func sourceLines(of diagnostics: [Diagnostic], files: [SourceFile]) -> [String: SourceLines] {
        var byPath: [String: SourceFile] = [:]
        for file in files { byPath[file.path] = file }
        var wanted: [SourceFile] = []
        var seen = Set<String>()
        for diagnostic in diagnostics {
            guard let path = diagnostic.range?.file, let file = byPath[path], seen.insert(path).inserted else {
                continue
            }
            wanted.append(file)
        }
        guard !wanted.isEmpty else { return [:] }
        let sources = wanted
        let slots = ResultSlots<SourceLines>(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { slots.store(SourceLines(sources[$0]), at: $0) }
        var lines: [String: SourceLines] = [:]
        for index in slots.values() { lines[index.file.path] = index }
        return lines
    }

    /// One finding: its header, Helm template, source line and caret, hint and notes, appended piece by piece
    /// (no intermediate strings: a big lint prints over 100,000 of these).
    private static func render(
        _ diagnostic: Diagnostic, lines: [String: SourceLines], helm: HelmSources, context: ReportContext,
        into output: inout String
    ) {
        appendHeader(diagnostic, context: context, to: &output)
        if let template = helm.template(for: diagnostic.range) {
            output += "    " + paint("from:", .cyan, context) + " " + TerminalText.visible(template)
                + " (Helm template)\n"
        }
        if let range = diagnostic.range,
            let line = lines[range.file]?.line(range.start.line).map(TerminalText.visible)
        {
            output += "    "
            output += line
            output += "\n    "
            appendCaretPrefix(line, column: range.start.column, to: &output)
            output += paint("^", .green, context)
            output += "\n"
        }
        if let hint = diagnostic.hint {
            output += "    "
            output += paint("hint:", .cyan, context)
            output += " "
            TerminalText.append(hint, to: &output)
            output += "\n"
        }
        for note in diagnostic.notes {
            let place = note.range.map { "\($0.file):\($0.start.line):\($0.start.column): " } ?? ""
            output += place + paint("note:", .cyan, context) + " " + TerminalText.visible(note.message) + "\n"
        }
    }

    /// `N files, M documents: E errors, W warnings` (CLI.md), with infos added only when present.
    package static func summary(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let counts = diagnostics.severityCounts
        var text = "\(context.fileCount) \(plural(context.fileCount, "file")), "
            + "\(context.documentCount) \(plural(context.documentCount, "document")): "
            + "\(counts.errors) \(plural(counts.errors, "error")), \(counts.warnings) \(plural(counts.warnings, "warning"))"
        if counts.infos > 0 { text += ", \(counts.infos) \(plural(counts.infos, "info"))" }
        return text
    }

    /// `file:line:col: severity: message (object) [rule]` and a line break.
    private static func appendHeader(_ diagnostic: Diagnostic, context: ReportContext, to output: inout String) {
        if context.useColor { output += "\u{1B}[\(Color.bold.rawValue)m" }
        if let range = diagnostic.range {
            TerminalText.append(range.file, to: &output)
            output += ":"
            output += String(range.start.line)
            output += ":"
            output += String(range.start.column)
            output += ": "
        } else {
            output += "kubec: "
        }
        if context.useColor { output += "\u{1B}[0m" }
        let color: Color = switch diagnostic.severity {
        case .error: .red
        case .warning: .yellow
        case .info: .blue
        }
        output += paint(diagnostic.severity.name + ":", color, context)
        output += " "
        TerminalText.append(diagnostic.message, to: &output)
        if let object = diagnostic.object {
            output += " ("
            TerminalText.append(object.kind, to: &output)
            output += " "
            if let namespace = object.namespace {
                TerminalText.append(namespace, to: &output)
                output += "/"
            }
            TerminalText.append(object.name, to: &output)
            output += ")"
        }
        output += " ["
        output += diagnostic.rule
        output += "]\n"
    }

    /// Spaces up to the caret, keeping tabs so the caret lines up under the character.
    private static func appendCaretPrefix(_ line: String, column: Int32, to output: inout String) {
        let width = Int(column) - 1
        guard width > 0 else { return }
        // The common case: the line starts with ASCII and no tab, so each column is one space.
        let plain = line.utf8.prefix(width).allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\t") }
        if plain {
            output += String(repeating: " ", count: width)
            return
        }
        var remaining = width
        for scalar in line.unicodeScalars where remaining > 0 {
            output += scalar == "\t" ? "\t" : " "
            remaining -= 1
        }
        output += String(repeating: " ", count: max(0, remaining))
    }

    private static func plural(_ count: Int, _ word: String) -> String { count == 1 ? word : word + "s" }

    private enum Color: String {
        case red = "31"
        case yellow = "33"
        case blue = "34"
        case cyan = "36"
        case green = "32"
        case bold = "1"
    }

    private static func paint(_ text: String, _ color: Color, _ context: ReportContext) -> String {
        context.useColor ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }
}
