import KubeYAML

/// gcc-style text: `file:line:col: severity: message [rule]`, the source line, a caret, then hint and notes.
package enum TextReporter {
    package static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        var output = ""
        var files: [String: SourceFile] = [:]
        for file in context.files { files[file.path] = file }
        // Line starts are found once per file that has a finding, on its first finding.
        var lines: [String: SourceLines] = [:]
        func line(_ range: SourceRange) -> String? {
            if let known = lines[range.file] { return known.line(range.start.line) }
            guard let file = files[range.file] else { return nil }
            let index = SourceLines(file)
            lines[range.file] = index
            return index.line(range.start.line)
        }
        let helm = HelmSources(context.files)
        for diagnostic in diagnostics {
            output += header(diagnostic, context: context)
            if let template = helm.template(for: diagnostic.range) {
                output += "    " + paint("from:", .cyan, context) + " " + TerminalText.visible(template) + " (Helm template)\n"
            }
            if let range = diagnostic.range, let line = line(range).map(TerminalText.visible) {
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
        output += summary(diagnostics, context: context) + "\n"
        return output
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
