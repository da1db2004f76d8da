import ArgumentParser
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
        var diagnostics = input.set.diagnostics
        if !strict { diagnostics = diagnostics.map(StrictMode.relaxed) }
        diagnostics = diagnostics.filter { !disable.contains($0.rule) }
        diagnostics.sort(by: Diagnostic.reportOrder)
        let context = ReportContext(
            files: input.set.files, fileCount: input.fileCount, documentCount: input.set.documentCount,
            useColor: !noColor && Console.stdoutIsTerminal && output == "text")
        Console.out(Reporters.render(diagnostics, format: ReportFormat(rawValue: output) ?? .text, context: context))
        if failOn.isFailing(diagnostics) { throw ExitCode(1) }
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
