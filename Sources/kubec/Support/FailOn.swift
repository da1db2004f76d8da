import ArgumentParser
import KubeYAML

/// `--fail-on error|warning|info`: the lowest severity that makes the command exit 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case error
    case warning
    case info

    var threshold: Severity {
        switch self {
        case .error: .error
        case .warning: .warning
        case .info: .info
        }
    }

    func isFailing(_ diagnostics: [Diagnostic]) -> Bool {
        // By index: iterating the array would copy every finding (a retain per string it holds).
        diagnostics.indices.contains { diagnostics[$0].severity >= threshold }
    }
}
