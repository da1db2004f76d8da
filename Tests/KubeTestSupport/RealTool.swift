import Foundation
import Testing

/// Tests that need a real tool or the corpus: under `CI=true` a missing one is a failure, elsewhere the test
/// does nothing (a developer machine may lack root or nginx).
package enum RealTool {
    /// Whether this run is CI (`CI=true`), where nothing may be skipped.
    package static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Whether `name` is an executable in the usual system folders.
    package static func available(_ name: String) -> Bool {
        ["/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin", "/bin", "/sbin"].contains {
            FileManager.default.isExecutableFile(atPath: $0 + "/" + name)
        }
    }

    /// True when the condition holds; otherwise records an issue under CI and returns false.
    package static func require(
        _ condition: Bool, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Bool {
        if !condition, isCI { Issue.record("CI=true but \(what) is missing", sourceLocation: sourceLocation) }
        return condition
    }
}
