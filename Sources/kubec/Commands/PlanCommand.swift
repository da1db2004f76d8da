import ArgumentParser
import KubeLint
import KubeModel
import KubePlan
import KubeYAML

/// `kubec plan PATH...`: place every pod on the input's Nodes the way kube-scheduler would.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Place every pod of every workload on the input's Nodes, as kube-scheduler would."
    )

    @Argument(help: "Files, directories (recursive: .yaml, .yml, .json) or - for standard input.")
    var paths: [String]

    @Option(help: "Output format: text, json or html (one self-contained page).")
    var output: String = "text"

    @Option(help: "Explain one pod's placement: every node's filter verdicts and scores (NAMESPACE/POD).")
    var explain: String?

    @Option(help: "Seed of the tie-breaker among equally scored nodes.")
    var seed: UInt64 = 0

    @Option(
        name: .customLong("reference-time"),
        help: "Unix seconds CronJob next runs are counted from (default 1735689600, 2025-01-01T00:00:00Z).")
    var referenceTime: Int64 = PlanOptions.defaultReferenceTime

    @Option(name: .customLong("fail-on"), help: "Lowest severity that fails the run: error, warning or info.")
    var failOn: FailOn = .error

    func validate() throws {
        guard ["text", "json", "html"].contains(output) else {
            throw ValidationError("unknown output format '\(output)'; use text, json or html")
        }
        if let explain, explain.split(separator: "/").count != 2 {
            throw ValidationError("--explain takes NAMESPACE/POD, got '\(explain)'")
        }
    }

    func run() throws {
        let input = ManifestInput.load(paths)
        if !input.inputErrors.isEmpty {
            for error in input.inputErrors { Console.error("kubec: error: \(error.message)\n") }
            throw ExitCode(2)
        }
        let options = PlanOptions(seed: seed, referenceTime: referenceTime, explain: explain)
        let result = Planner.plan(input.set, options: options)
        var findings = input.set.diagnostics + result.diagnostics + PlanFindings.unschedulable(result.plan)
        findings.sortForReport()
        if output == "json" {
            Console.out(PlanJSONRenderer.render(result))
        } else if output == "html" {
            Console.out(PlacementHTMLRenderer.render(result))
        } else if let explain {
            guard let explanation = result.explanation else {
                Console.error("kubec: error: no scheduled pod named \(explain) (see `kubec plan` for pod names)\n")
                throw ExitCode(2)
            }
            Console.out(ExplainRenderer.render(explanation, pod: explain))
        } else {
            Console.out(PlanTextRenderer.render(result))
        }
        if !findings.isEmpty, output == "text" {
            let context = ReportContext(
                files: input.set.files, fileCount: input.fileCount,
                documentCount: input.set.documentCount)
            Console.error(Reporters.render(findings, format: .text, context: context))
        }
        if failOn.isFailing(findings) { throw ExitCode(1) }
    }
}
