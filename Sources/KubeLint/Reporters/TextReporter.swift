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
        var output = ""
        for chunk in slots.values() { output += chunk }
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

    /// One finding: its header, Helm template, source line and caret, hint and notes.
    private static func render(
        _ diagnostic: Diagnostic, lines: [String: SourceLines], helm: HelmSources, context: ReportContext,
        into output: inout String
    ) {
        output += header(diagnostic, context: context)
        if let template = helm.template(for: diagnostic.range) {
            output += "    " + paint("from:", .cyan, context) + " " + TerminalText.visible(template)
                + " (Helm template)\n"
        }
        if let range = diagnostic.range,
            let line = lines[range.file]?.line(range.start.line).map(TerminalText.visible)
        {
            output += "    " + line + "\n"
            output += "    " + caretPrefix(line, column: range.start.column)
                + paint("^", .green, context) + "\n"
        }
        if let hint = diagnostic.hint {
            output += "    " + paint("hint:", .cyan, context) + " " + TerminalText.visible(hint) + "\n"
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

    private static func header(_ diagnostic: Diagnostic, context: ReportContext) -> String {
        let place = diagnostic.range.map { "\($0.file):\($0.start.line):\($0.start.column): " } ?? "kubec: "
        let color: Color = switch diagnostic.severity {
        case .error: .red
        case .warning: .yellow
        case .info: .blue
        }
        let object = diagnostic.object.map { " (\(TerminalText.visible($0.displayName)))" } ?? ""
        return paint(TerminalText.visible(place), .bold, context) + paint(diagnostic.severity.name + ":", color, context)
            + " " + TerminalText.visible(diagnostic.message) + object + " [\(diagnostic.rule)]\n"
    }

    /// Spaces up to the caret, keeping tabs so the caret lines up under the character.
    private static func caretPrefix(_ line: String, column: Int32) -> String {
        var prefix = ""
        var remaining = Int(column) - 1
        for scalar in line.unicodeScalars where remaining > 0 {
            prefix += scalar == "\t" ? "\t" : " "
            remaining -= 1
        }
        return prefix + String(repeating: " ", count: max(0, remaining))
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
