import Dispatch
import KubeYAML

/// gcc-style text: `file:line:col: severity: message [rule]`, the source line, a caret, then hint and notes.
package enum TextReporter {
    package static func render(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        Reporters.text(of: renderedChunks(diagnostics, context: context))
    }

    /// The report's UTF-8 bytes in pieces to write one after the other (the summary line is the last piece):
    /// findings are rendered in chunks on both cores and never joined into one string.
    package static func renderedChunks(_ diagnostics: [Diagnostic], context: ReportContext) -> [[UInt8]] {
        let lines = sourceLines(of: diagnostics, files: context.files)
        let helm = HelmSources(context.files)
        let chunkSize = 2_048
        let chunks = (diagnostics.count + chunkSize - 1) / chunkSize
        let slots = ResultSlots<[UInt8]>(count: chunks)
        let body: @Sendable (Int) -> Void = { chunk in
            var text: [UInt8] = []
            text.reserveCapacity(chunkSize * 256)
            // Read in the buffer: `diagnostics[position]` would copy each finding (a retain per string).
            diagnostics.withUnsafeBufferPointer { diagnostics in
                for position in chunk * chunkSize..<min(diagnostics.count, (chunk + 1) * chunkSize) {
                    render(diagnostics[position], lines: lines, helm: helm, context: context, into: &text)
                }
            }
            slots.store(text, at: chunk)
        }
        if chunks > 1 {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
        } else if chunks == 1 {
            body(0)
        }
        return slots.values() + [Array((summary(diagnostics, context: context) + "\n").utf8)]
    }

    /// Line starts of every file that has a finding, found once per file (on both cores).
    private static func sourceLines(of diagnostics: [Diagnostic], files: [SourceFile]) -> [String: SourceLines] {
        var byPath: [String: SourceFile] = [:]
        for file in files { byPath[file.path] = file }
        var wanted: [SourceFile] = []
        var seen = Set<String>()
        var previous: String? = nil
        // By index: a loop variable would copy every finding. Sorted findings come file by file, so most
        // are skipped by comparing with the previous path (one pointer test when it is the same string).
        for index in diagnostics.indices {
            guard let path = diagnostics[index].range?.file, path != previous else { continue }
            previous = path
            guard let file = byPath[path], seen.insert(path).inserted else { continue }
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
        into output: inout [UInt8]
    ) {
        appendHeader(diagnostic, context: context, to: &output)
        if let template = helm.template(for: diagnostic.range) {
            output += "    ".utf8
            paint("from:", .cyan, context, to: &output)
            output.append(UInt8(ascii: " "))
            TerminalText.append(template, to: &output)
            output += " (Helm template)\n".utf8
        }
        if let range = diagnostic.range, let lines = lines[range.file],
            let bytes = lines.byteRange(ofLine: range.start.line)
        {
            appendExcerpt(lines.file.bytes[bytes], column: range.start.column, context: context, to: &output)
        }
        if let hint = diagnostic.hint {
            output += "    ".utf8
            paint("hint:", .cyan, context, to: &output)
            output.append(UInt8(ascii: " "))
            TerminalText.append(hint, to: &output)
            output.append(UInt8(ascii: "\n"))
        }
        for note in diagnostic.notes {
            if let range = note.range {
                output += range.file.utf8
                output.append(UInt8(ascii: ":"))
                DecimalBytes.append(range.start.line, to: &output)
                output.append(UInt8(ascii: ":"))
                DecimalBytes.append(range.start.column, to: &output)
                output += ": ".utf8
            }
            paint("note:", .cyan, context, to: &output)
            output.append(UInt8(ascii: " "))
            TerminalText.append(note.message, to: &output)
            output.append(UInt8(ascii: "\n"))
        }
    }

    /// The source line (its control characters as pictures), then spaces up to the caret, keeping tabs so the
    /// caret lines up under the character.
    private static func appendExcerpt(
        _ line: ArraySlice<UInt8>, column: Int32, context: ReportContext, to output: inout [UInt8]
    ) {
        let width = max(0, Int(column) - 1)
        // The common case: printable ASCII and tabs, printed as they are, one column per byte.
        if isPrintableASCIIOrTab(line) {
            output += "    ".utf8
            output += line
            output += "\n    ".utf8
            for byte in line.prefix(width) { output.append(byte == UInt8(ascii: "\t") ? byte : UInt8(ascii: " ")) }
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, width - line.count)))
        } else {
            let text = TerminalText.visible(String(decoding: line, as: UTF8.self))
            output += "    ".utf8
            output += text.utf8
            output += "\n    ".utf8
            var remaining = width
            for scalar in text.unicodeScalars where remaining > 0 {
                output.append(scalar == "\t" ? UInt8(ascii: "\t") : UInt8(ascii: " "))
                remaining -= 1
            }
            output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: max(0, remaining)))
        }
        paint("^", .green, context, to: &output)
        output.append(UInt8(ascii: "\n"))
    }

    /// Whether every byte is printable ASCII or a tab: eight at a time while they are printable ASCII.
    private static func isPrintableASCIIOrTab(_ line: ArraySlice<UInt8>) -> Bool {
        line.withUnsafeBufferPointer { bytes in
            var index = 0
            if let base = bytes.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= bytes.count,
                    ByteClass.isPrintableASCII(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                {
                    index += 8
                }
            }
            return bytes[index...].allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == UInt8(ascii: "\t") }
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
    private static func appendHeader(_ diagnostic: Diagnostic, context: ReportContext, to output: inout [UInt8]) {
        if context.useColor { output += "\u{1B}[\(Color.bold.rawValue)m".utf8 }
        if let range = diagnostic.range {
            TerminalText.append(range.file, to: &output)
            output.append(UInt8(ascii: ":"))
            DecimalBytes.append(range.start.line, to: &output)
            output.append(UInt8(ascii: ":"))
            DecimalBytes.append(range.start.column, to: &output)
            output += ": ".utf8
        } else {
            output += "kubec: ".utf8
        }
        if context.useColor { output += "\u{1B}[0m".utf8 }
        let color: Color = switch diagnostic.severity {
        case .error: .red
        case .warning: .yellow
        case .info: .blue
        }
        paint(diagnostic.severity.name + ":", color, context, to: &output)
        output.append(UInt8(ascii: " "))
        TerminalText.append(diagnostic.message, to: &output)
        if let object = diagnostic.object {
            output += " (".utf8
            TerminalText.append(object.kind, to: &output)
            output.append(UInt8(ascii: " "))
            if let namespace = object.namespace {
                TerminalText.append(namespace, to: &output)
                output.append(UInt8(ascii: "/"))
            }
            TerminalText.append(object.name, to: &output)
            output.append(UInt8(ascii: ")"))
        }
        output += " [".utf8
        output += diagnostic.rule.utf8
        output += "]\n".utf8
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

    private static func paint(_ text: String, _ color: Color, _ context: ReportContext, to output: inout [UInt8]) {
        if context.useColor {
            output += "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m".utf8
        } else {
            output += text.utf8
        }
    }
}
