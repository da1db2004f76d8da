import ArgumentParser
import Foundation
import KubeLint
import KubeModel
import KubeYAML

/// `kubec lint PATH...`: validate every document and report findings.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Validate manifests: YAML, schema, API-server rules, cross-resource references."
    )

    @Argument(help: "Files, directories (recursive: .yaml, .yml, .json) or - for standard input.")
    var paths: [String]

    @Option(help: "Report format: text, json, sarif, junit or github.")
    var output: String = "text"

    @Option(name: .customLong("kubernetes-version"), help: "Kubernetes minor version to validate against (1.NN).")
    var kubernetesVersion: String?

    @Flag(inversion: .prefixedNo, help: "Unknown fields and duplicate keys are errors (default) or warnings.")
    var strict = true

    @Option(name: .customLong("schema-location"), help: "Extra folder of JSON schemas (repeatable).")
    var schemaLocations: [String] = []

    @Flag(name: .customLong("ignore-missing-schemas"), help: "A kind with no schema is a warning, not an error.")
    var ignoreMissingSchemas = false

    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails the run: error, warning or info.")
    var failOn: FailOn = .error

    @Option(help: "Config file (default: .kubec.yaml in the current folder when present).")
    var config: String?

    @Option(help: "Enable a rule (repeatable).")
    var enable: [String] = []

    @Option(help: "Disable a rule (repeatable).")
    var disable: [String] = []

    @Flag(name: .customLong("no-color"), help: "Never colour the text output.")
    var noColor = false

    func validate() throws {
        guard ReportFormat(rawValue: output) != nil else {
            throw ValidationError("unknown output format '\(output)'; use text, json, sarif, junit or github")
        }
    }

    func run() throws {
        let input = ManifestInput.load(paths)
        if !input.inputErrors.isEmpty {
            for error in input.inputErrors { Console.error("kubec: error: \(error.message)\n") }
            throw ExitCode(2)
        }
        var configuration = try loadConfiguration()
        configuration.enabled.formUnion(enable)
        configuration.disabled.formUnion(disable)
        var set = input.set
        if !strict { set.diagnostics = set.diagnostics.map(StrictMode.relaxed) }
        let diagnostics = Linter.lint(set, configuration: configuration)
        let context = ReportContext(
            files: set.files + (configuration.source.map { [$0] } ?? []), fileCount: input.fileCount,
            documentCount: set.documentCount,
            useColor: !noColor && Console.stdoutIsTerminal && output == "text")
        Console.out(Reporters.render(diagnostics, format: ReportFormat(rawValue: output) ?? .text, context: context))
        if failOn.isFailing(diagnostics) { throw ExitCode(1) }
    }
}

extension LintCommand {
    /// `--config FILE`, else `.kubec.yaml` in the current folder when present, else defaults. A config that
    /// cannot be read or has errors stops the command (exit 2): linting with half a config would mislead.
    func loadConfiguration() throws -> LintConfiguration {
        let path: String
        if let config {
            path = config
        } else if FileManager.default.fileExists(atPath: ".kubec.yaml") {
            path = ".kubec.yaml"
        } else {
            return LintConfiguration()
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.error("kubec: error: cannot read config \(path)\n")
            throw ExitCode(2)
        }
        let (configuration, problems) = ConfigLoader.parse(SourceFile(path: path, bytes: [UInt8](data)))
        if !problems.isEmpty {
            let context = ReportContext(files: configuration.source.map { [$0] } ?? [], documentCount: 0)
            Console.error(TextReporter.render(problems, context: context))
            throw ExitCode(2)
        }
        return configuration
    }
}

/// `--no-strict`: unknown fields and duplicate keys become warnings.
enum StrictMode {
    static let relaxable: Set<String> = [YAMLRuleID.duplicateKey, "schema-unknown-field"]

    static func relaxed(_ diagnostic: Diagnostic) -> Diagnostic {
        guard relaxable.contains(diagnostic.rule), diagnostic.severity == .error else { return diagnostic }
        var copy = diagnostic
        copy.severity = .warning
        return copy
    }
}
