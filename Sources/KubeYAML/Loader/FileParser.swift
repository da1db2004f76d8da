import CLibYAML

/// Parses one file's bytes with libyaml's event API into a `YAMLTree`.
///
/// libyaml cannot resume after an error: `yaml_parser_parse` returns 0 once and then "succeeds" with
/// `YAML_NO_EVENT` forever, so a loop waiting for the stream end would spin. We stop on either, report the
/// problem, and start a fresh parser at the next `---` line after the error, so one broken document costs
/// that document, not the rest of the file.
enum FileParser {
    struct Output {
        var tree: YAMLTree
        var roots: [(id: Int32, document: Int)]
        var diagnostics: [Diagnostic]
    }

    /// The fast scanner's tree when the file is inside its subset, libyaml's otherwise.
    static func parse(file: String, bytes: [UInt8], limits: YAMLLimits) -> Output {
        if let output = FastScanner.parse(file: file, bytes: bytes, limits: limits) { return output }
        return parseWithLibYAML(file: file, bytes: bytes, limits: limits)
    }

    static func parseWithLibYAML(file: String, bytes: [UInt8], limits: YAMLLimits) -> Output {
        var builder = TreeBuilder(file: file, limits: limits, expectedBytes: bytes.count)
        guard !bytes.isEmpty else { return Output(tree: builder.finish(), roots: [], diagnostics: []) }
        bytes.withUnsafeBufferPointer { buffer in
            var startByte = 0
            var lineOffset: Int32 = 0
            var documentIndex = 0
            while startByte < buffer.count {
                let outcome = parseRun(
                    buffer: buffer, startByte: startByte, lineOffset: lineOffset,
                    documentIndex: &documentIndex, builder: &builder)
                guard let failure = outcome else { break }
                builder.abandonDocument()
                builder.diagnostics.append(failure.diagnostic)
                documentIndex += 1
                guard let restart = nextDocumentStart(in: buffer, afterLine: max(failure.line, lineOffset + 2))
                else { break }
                startByte = restart.byte
                lineOffset = restart.line - 1
            }
        }
        return Output(tree: builder.finish(), roots: builder.roots, diagnostics: builder.diagnostics)
    }

    private struct Failure {
        var diagnostic: Diagnostic
        /// 1-based absolute line where the error was found.
        var line: Int32
    }

    /// Runs one parser from `startByte` to the end of the stream or the first error.
    private static func parseRun(
        buffer: UnsafeBufferPointer<UInt8>, startByte: Int, lineOffset: Int32,
        documentIndex: inout Int, builder: inout TreeBuilder
    ) -> Failure? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return Failure(
                diagnostic: Diagnostic(rule: YAMLRuleID.syntax, severity: .error, message: "libyaml could not start"),
                line: lineOffset + 1)
        }
        defer { yaml_parser_delete(&parser) }
        guard let base = buffer.baseAddress else { return nil }
        yaml_parser_set_input_string(&parser, base + startByte, buffer.count - startByte)

        var event = yaml_event_t()
        func location(_ mark: yaml_mark_t) -> SourceLocation {
            SourceLocation(line: Int32(truncatingIfNeeded: mark.line) + 1 + lineOffset,
                           column: Int32(truncatingIfNeeded: mark.column) + 1)
        }
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return failure(of: &parser, buffer: buffer, startByte: startByte, lineOffset: lineOffset,
                               file: builder.file)
            }
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT, YAML_NO_EVENT:
                return nil
            case YAML_DOCUMENT_START_EVENT:
                guard documentIndex < builder.limits.maxDocumentsPerFile else {
                    let at = location(event.start_mark)
                    builder.diagnostics.append(Diagnostic(
                        rule: YAMLRuleID.documentCount, severity: .error,
                        message: "more than \(builder.limits.maxDocumentsPerFile) documents in one file; "
                            + "this one and the rest of the file are skipped",
                        range: SourceRange(file: builder.file, span: SourceSpan(start: at, end: at)),
                        hint: "split the input into several files"))
                    return nil
                }
                builder.beginDocument()
            case YAML_DOCUMENT_END_EVENT:
                builder.endDocument(index: documentIndex)
                documentIndex += 1
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
                builder.scalar(
                    bytes: bytes, style: style(scalar.style), tag: string(scalar.tag), anchor: string(scalar.anchor),
                    start: location(event.start_mark), end: location(event.end_mark))
            case YAML_ALIAS_EVENT:
                builder.alias(string(event.data.alias.anchor) ?? "",
                              start: location(event.start_mark), end: location(event.end_mark))
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                builder.beginCollection(
                    kind: .mapping, flow: start.style == YAML_FLOW_MAPPING_STYLE, anchor: string(start.anchor),
                    start: location(event.start_mark))
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                builder.beginCollection(
                    kind: .sequence, flow: start.style == YAML_FLOW_SEQUENCE_STYLE, anchor: string(start.anchor),
                    start: location(event.start_mark))
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                builder.endCollection(end: location(event.end_mark))
            default:
                break
            }
        }
    }

    private static func failure(
        of parser: inout yaml_parser_t, buffer: UnsafeBufferPointer<UInt8>, startByte: Int, lineOffset: Int32,
        file: String
    ) -> Failure {
        var problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        let location: SourceLocation
        if parser.error == YAML_READER_ERROR {
            // Reader errors (bad encoding) carry a byte offset, not a mark.
            location = lineAndColumn(ofByte: startByte + Int(parser.problem_offset), in: buffer)
            if parser.problem_value != -1 { problem += " (byte 0x\(String(parser.problem_value, radix: 16)))" }
        } else {
            location = SourceLocation(
                line: Int32(truncatingIfNeeded: parser.problem_mark.line) + 1 + lineOffset,
                column: Int32(truncatingIfNeeded: parser.problem_mark.column) + 1)
        }
        var notes: [DiagnosticNote] = []
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextLocation = SourceLocation(
                line: Int32(truncatingIfNeeded: parser.context_mark.line) + 1 + lineOffset,
                column: Int32(truncatingIfNeeded: parser.context_mark.column) + 1)
            notes.append(DiagnosticNote(
                message: context,
                range: SourceRange(file: file, span: SourceSpan(start: contextLocation, end: contextLocation))))
        }
        let diagnostic = Diagnostic(
            rule: parser.error == YAML_READER_ERROR ? YAMLRuleID.notUTF8 : YAMLRuleID.syntax,
            severity: .error,
            message: notes.isEmpty ? problem : "\(problem) (\(notes[0].message))",
            range: SourceRange(file: file, span: SourceSpan(start: location, end: location)),
            hint: "the rest of this document is skipped; kubec goes on at the next '---'",
            notes: notes)
        return Failure(diagnostic: diagnostic, line: location.line)
    }

    /// The first line at or after `afterLine` (1-based) that starts a document (`---` at column 1).
    static func nextDocumentStart(
        in buffer: UnsafeBufferPointer<UInt8>, afterLine: Int32
    ) -> (byte: Int, line: Int32)? {
        var line: Int32 = 1
        var index = 0
        let count = buffer.count
        while index < count {
            if line >= afterLine, isDocumentMarker(buffer, at: index) { return (index, line) }
            while index < count, buffer[index] != UInt8(ascii: "\n") { index += 1 }
            index += 1
            line += 1
        }
        return nil
    }

    private static func isDocumentMarker(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let dash = UInt8(ascii: "-")
        guard index + 2 < buffer.count, buffer[index] == dash, buffer[index + 1] == dash, buffer[index + 2] == dash
        else { return false }
        if index + 3 == buffer.count { return true }
        let next = buffer[index + 3]
        return next == UInt8(ascii: " ") || next == UInt8(ascii: "\n") || next == UInt8(ascii: "\r")
            || next == UInt8(ascii: "\t")
    }

    private static func lineAndColumn(ofByte offset: Int, in buffer: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line: Int32 = 1
        var column: Int32 = 1
        var index = 0
        while index < min(offset, buffer.count) {
            if buffer[index] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if buffer[index] & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
