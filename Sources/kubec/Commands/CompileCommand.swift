import ArgumentParser
import Dispatch
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
        let (configuration, registry) = try validation.prepared()
        // The plan is the longest path. Its workload expansion runs on both cores first; then the pods are
        // scheduled on one core while lint and the schema run on the other (the linter asks for the plan's
        // findings once its rules are done, and gets them before endpoints are resolved). Without --force the
        // outputs do not depend on the findings, so the planning thread goes on to write them while the linter
        // finishes; findings that stop the run throw the new tree away as before.
        let set = input.set
        let planOptions = PlanOptions(seed: seed)
        var firstPlan = planOptions
        // Signalled after expansion, and again once the plan is made (whatever path the planner took).
        let expanded = DispatchSemaphore(value: 0)
        firstPlan.afterExpansion = { expanded.signal() }
        let (findings, planned) = (Handover<PlanResult>(), Handover<PlanResult>())
        let (directory, nodes, mode, force) = (outputDirectory, Set(node), proxyMode, force)
        let writing = BackgroundWork { [firstPlan] () -> CompileWrite? in
            let result = Compilation.resolve(set, options: firstPlan, findings: { findings.put($0) })
            planned.put(result)
            expanded.signal()
            return force ? nil : CompileWrite.run(result, set: set, nodes: nodes, proxyMode: mode, into: directory)
        }
        expanded.wait()
        var diagnostics = LintPipeline.run(
            set, flags: validation, configuration: configuration, plan: findings.value, parallel: false,
            registry: registry)
        let context = ReportContext(files: input.set.files, fileCount: input.fileCount, documentCount: input.set.documentCount)
        var report: String?
        let written: CompileWrite
        if !force {
            // The lint findings are rendered while the outputs are written; the report stays as it is when
            // writing adds no finding (the list is sorted already).
            report = diagnostics.isEmpty ? nil : Reporters.render(diagnostics, format: .text, context: context)
            written =
                writing.value ?? CompileWrite.run(planned.value, set: set, nodes: nodes, proxyMode: mode, into: directory)
        } else {
            var result = planned.value
            var emitSet = set
            // Errors always stop a run without --force, so only a forced run plans again without the invalid objects.
            let valid = InvalidObjectFilter.omit(set, diagnostics: diagnostics)
            if !valid.omitted.isEmpty {
                result = Compilation.resolve(valid.set, options: planOptions)
                emitSet = valid.set
                diagnostics += valid.omitted
            }
            written = CompileWrite.run(result, set: emitSet, nodes: nodes, proxyMode: mode, into: directory)
        }
        ExitLifetime.keep((input, planned, findings))
        if !written.diagnostics.isEmpty || report == nil {
            diagnostics += written.diagnostics
            diagnostics.sortForReport()
            report = diagnostics.isEmpty ? nil : Reporters.render(diagnostics, format: .text, context: context)
        }
        ExitLifetime.keep(diagnostics)
        if let report { Console.error(report) }
        let staging = written.staging
        let failure = written.failure
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
        Console.out(CompileOutputs.summary(written.written, directory: outputDirectory))
        if failing { throw ExitCode(1) }
    }
}

extension ProxyMode: ExpressibleByArgument {}
