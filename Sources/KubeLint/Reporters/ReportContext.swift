import KubeYAML

/// What every reporter needs besides the diagnostics: the sources (for source lines) and the counts.
package struct ReportContext: Sendable {
    package var files: [SourceFile]
    package var fileCount: Int
    package var documentCount: Int
    /// Colour for the text reporter: only on a terminal, and never with `--no-color`.
    package var useColor: Bool

    package init(files: [SourceFile], fileCount: Int? = nil, documentCount: Int, useColor: Bool = false) {
        self.files = files
        self.fileCount = fileCount ?? files.count
        self.documentCount = documentCount
        self.useColor = useColor
    }

    /// The source file for a path, if it was loaded.
    package func file(_ path: String) -> SourceFile? { files.first { $0.path == path } }
}

/// The output formats of `kubec lint --output`.
package enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case json
    case sarif
    case junit
    case github
}
