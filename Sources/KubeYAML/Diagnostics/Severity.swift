/// How bad a finding is. Ordered so that `error > warning > info`.
package enum Severity: Int, Comparable, Sendable, CaseIterable, Hashable {
    case info = 0
    case warning = 1
    case error = 2

    /// The word used in text, JSON and config files.
    package var name: String {
        switch self {
        case .info: "info"
        case .warning: "warning"
        case .error: "error"
        }
    }

    package init?(name: String) {
        switch name {
        case "info": self = .info
        case "warning": self = .warning
        case "error": self = .error
        default: return nil
        }
    }

    package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
}
