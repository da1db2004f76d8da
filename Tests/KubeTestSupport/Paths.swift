import Foundation

/// Locations of the repository's own folders, found from this file's path so tests run from anywhere.
package enum RepositoryPaths {
    /// The repository root.
    package static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `manifests/`, the demo set.
    package static var manifests: String { root + "/manifests" }

    /// `../shared/corpus` beside the checkout (read-only real-world manifests), when present.
    package static var corpus: String? {
        let candidate = URL(fileURLWithPath: root).deletingLastPathComponent().appendingPathComponent("shared/corpus").path
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    /// A fixture folder beside a test target: `Tests/<target>/Fixtures/<name>`.
    package static func fixture(_ target: String, _ name: String) -> String {
        root + "/Tests/\(target)/Fixtures/\(name)"
    }

    /// The built `kubec` binary of the current build configuration.
    package static var kubecBinary: String {
        let debug = root + "/.build/debug/kubec"
        let env = ProcessInfo.processInfo.environment["KUBEC_BINARY"]
        return env ?? debug
    }
}
