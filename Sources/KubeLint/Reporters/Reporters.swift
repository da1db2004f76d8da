import KubeYAML

/// Renders diagnostics in any of the `--output` formats.
package enum Reporters {
    package static func render(_ diagnostics: [Diagnostic], format: ReportFormat, context: ReportContext) -> String {
        switch format {
        case .text: TextReporter.render(diagnostics, context: context)
        case .json: JSONReporter.render(diagnostics, context: context)
        case .github: GitHubReporter.render(diagnostics, context: context)
        case .sarif: SARIFReporter.render(diagnostics, context: context)
        case .junit: JUnitReporter.render(diagnostics, context: context)
        }
    }

    /// Hands `render`'s UTF-8 bytes to `sink` in pieces, in order. The text and JSON reports are made in chunks
    /// on both cores: written chunk by chunk, a report of megabytes is never joined into one buffer.
    package static func write(
        _ diagnostics: [Diagnostic], format: ReportFormat, context: ReportContext,
        to sink: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let chunks: [[UInt8]]
        switch format {
        case .text: chunks = TextReporter.renderedChunks(diagnostics, context: context)
        case .json: chunks = JSONReporter.renderedChunks(diagnostics, context: context)
        case .github, .sarif, .junit:
            var text = render(diagnostics, format: format, context: context)
            text.withUTF8(sink)
            return
        }
        for chunk in chunks { chunk.withUnsafeBufferPointer(sink) }
    }

    /// Chunks of UTF-8 bytes joined into one string (`render`, for callers that want the whole report).
    static func text(of chunks: [[UInt8]]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(chunks.reduce(0) { $0 + $1.count })
        for chunk in chunks { output += chunk }
        return String(decoding: output, as: UTF8.self)
    }
}
