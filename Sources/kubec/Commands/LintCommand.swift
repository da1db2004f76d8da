import ArgumentParser
import KubeLint
import KubeModel
import KubePlan
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

    @OptionGroup var validation: ValidationFlags

    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails the run: error, warning or info.")
    var failOn: FailOn = .error

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
        let (configuration, registry) = try validation.prepared()
        // Placement only matters to lint when the input declares Nodes (the `pod-unschedulable` rule).
        let plan = input.set.nodes.isEmpty ? nil : Planner.plan(input.set)
        let diagnostics = LintPipeline.run(
            input.set, flags: validation, configuration: configuration, plan: plan, registry: registry,
            keep: { ExitLifetime.keep($0) })
        let context = ReportContext(
            files: input.set.files + (configuration.source.map { [$0] } ?? []), fileCount: input.fileCount,
            documentCount: input.set.documentCount,
            useColor: !noColor && Console.stdoutIsTerminal && output == "text")
        Reporters.write(diagnostics, format: ReportFormat(rawValue: output) ?? .text, context: context, to: Console.out)
        ExitLifetime.keep((input, diagnostics, context))
        if failOn.isFailing(diagnostics) { throw ExitCode(1) }
    }
}
