import Foundation
import KubeLint
import KubeModel
import KubeYAML

/// Helpers shared by the KubeLint tests.
enum Lint {
    /// Decodes YAML text as one file and lints it.
    static func run(_ text: String, file: String = "input.yaml", configuration: LintConfiguration = LintConfiguration())
        -> [Diagnostic] {
        Linter.lint(ManifestSet.decode(YAMLLoader.load(text: text, file: file)), configuration: configuration)
    }

    /// Lints several files at once.
    static func run(files: [(String, String)], configuration: LintConfiguration = LintConfiguration()) -> [Diagnostic] {
        let sources = files.map { SourceFile(path: $0.0, text: $0.1) }
        return Linter.lint(ManifestSet.decode(YAMLLoader.load(sources)), configuration: configuration)
    }

    /// Parses a config file text.
    static func configuration(_ text: String) -> (LintConfiguration, [Diagnostic]) {
        ConfigLoader.parse(SourceFile(path: ".kubec.yaml", text: text))
    }

    /// Runs a command and returns its status and combined output; nil when it cannot start.
    static func shell(_ arguments: [String]) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

/// A web Deployment with a latest image, used by the suppression tests.
let latestImageDeployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
      namespace: shop
      annotations:
        kubec.dev/ignore: IGNORE
    spec:
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
          - name: web
            image: nginx:latest
            resources: {requests: {cpu: 10m, memory: 10Mi}, limits: {memory: 20Mi}}
    """
