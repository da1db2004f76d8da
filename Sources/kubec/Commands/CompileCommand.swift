import ArgumentParser
import KubeEmit
import KubeLint
import KubeModel
import KubePlan
import KubeYAML

/// `kubec compile PATH... -o DIR`: lint, plan, then write the dataplane every node would run.
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Write placement, kube-proxy (iptables, IPVS, nftables), NetworkPolicy, DNS and nginx outputs per CLI.md."
    )

    @Argument(help: "Files, directories (recursive: .yaml, .yml, .json) or - for standard input.")
    var paths: [String]

    @Option(name: [.customShort("o"), .customLong("output-dir")], help: "Folder to write into (created).")
    var outputDirectory: String

    @Option(help: "Only these nodes (repeatable; default all).")
    var node: [String] = []

    @Option(name: .customLong("proxy-mode"), help: "iptables, ipvs, nftables or all.")
    var proxyMode: ProxyMode = .all

    @Option(help: "Seed of the scheduler's tie-breaker.")
    var seed: UInt64 = 0

    @OptionGroup var validation: ValidationFlags

    @Option(name: .customLong("fail-on"), help: "Lowest severity that stops compilation: error, warning or info.")
    var failOn: FailOn = .error

    @Flag(help: "Write the outputs even when findings reach --fail-on (the exit code still says so).")
    var force = false

    func run() throws {
        let input = ManifestInput.load(paths)
        if !input.inputErrors.isEmpty {
            for error in input.inputErrors { Console.error("kubec: error: \(error.message)\n") }
            throw ExitCode(2)
        }
        let unknownNodes = Set(node).subtracting(input.set.nodes.map(\.metadata.name))
        if !unknownNodes.isEmpty {
            Console.error("kubec: error: no Node named \(unknownNodes.sorted().joined(separator: ", ")) in the input\n")
            throw ExitCode(2)
        }
        let configuration = try validation.configuration()
        // The plan runs on another core while the rules and the schema run; the linter asks for the plan's
        // findings only once its rules are done.
        let set = input.set
        let planOptions = PlanOptions(seed: seed)
        let planning = BackgroundWork { Compilation.resolve(set, options: planOptions) }
        var diagnostics = LintPipeline.run(input.set, flags: validation, configuration: configuration, plan: planning.value)
        var result = planning.value
        var emitSet = input.set
        if force {
            // Errors always stop a run without --force, so only a forced run plans again without the invalid objects.
            let valid = InvalidObjectFilter.omit(input.set, diagnostics: diagnostics)
            if !valid.omitted.isEmpty {
                result = Compilation.resolve(valid.set, options: PlanOptions(seed: seed))
                emitSet = valid.set
                diagnostics += valid.omitted
            }
        }
        // Files go to disk as they are made, into a new tree beside DIR that replaces it only at the end (or is
        // thrown away when findings stop the run). A DIR that cannot take a tree is reported after the findings.
        var staging: OutputWriter.Staging?
        var failure: (any Error)?
        do {
            staging = try OutputWriter.Staging(outputDirectory)
        } catch {
            failure = error
        }
        let tree = staging
        let sink: OutputSink = { file in try tree?.write(file) }
        let emitted = CompileOutputs.emit(result, nodes: Set(node), proxyMode: proxyMode, set: emitSet, into: sink)
        failure = failure ?? emitted.failure
        diagnostics += emitted.diagnostics
        diagnostics.sortForReport()

        let context = ReportContext(files: input.set.files, fileCount: input.fileCount, documentCount: input.set.documentCount)
        if !diagnostics.isEmpty { Console.error(Reporters.render(diagnostics, format: .text, context: context)) }
        let failing = failOn.isFailing(diagnostics)
        if failing, !force {
            staging?.discard()
            Console.error("kubec: nothing written to \(outputDirectory): findings at or above --fail-on \(failOn.rawValue) "
                + "(use --force to write anyway)\n")
            throw ExitCode(1)
        }
        do {
            if let failure { throw failure }
            try staging?.commit()
        } catch {
            if failure != nil { staging?.discard() }
            Console.error("kubec: error: \(error)\n")
            throw ExitCode(2)
        }
        Console.out(CompileOutputs.summary(emitted.written, directory: outputDirectory))
        if failing { throw ExitCode(1) }
    }
}

extension ProxyMode: ExpressibleByArgument {}
