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
}
