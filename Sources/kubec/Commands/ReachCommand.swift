import ArgumentParser
import KubeModel
import KubePlan
import KubeYAML

/// `kubec reach PATH...`: NetworkPolicy questions on the placed pods (CLI.md).
struct ReachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "Answer whether one pod may reach another under the NetworkPolicies, or print the whole matrix."
    )

    @Argument(help: "Files, directories (recursive: .yaml, .yml, .json) or - for standard input.")
    var paths: [String]

    @Option(help: "Source pod, NAMESPACE/POD.")
    var from: String?

    @Option(help: "Destination pod, NAMESPACE/POD.")
    var to: String?

    @Option(help: "Destination port: PORT[/PROTO] (TCP when omitted) or a container port name.")
    var port: String?

    @Flag(help: "Print the pod-by-pod truth table for every port in use (or --port).")
    var matrix = false

    @Option(help: "Output format: text or json (with --matrix also html, one self-contained page).")
    var output: String = "text"

    @Option(help: "Seed of the scheduler's tie-breaker.")
    var seed: UInt64 = 0

    func validate() throws {
        guard output == "text" || output == "json" || (output == "html" && matrix) else {
            throw ValidationError("use --output text or json (html with --matrix)")
        }
        if !matrix, from == nil || to == nil || port == nil {
            throw ValidationError("give --from, --to and --port, or --matrix")
        }
    }

    func run() throws {
        let input = ManifestInput.load(paths)
        if !input.inputErrors.isEmpty {
            for error in input.inputErrors { Console.error("kubec: error: \(error.message)\n") }
            throw ExitCode(2)
        }
        let state = Compilation.resolve(input.set, options: PlanOptions(seed: seed)).state
        let engine = ReachEngine(state: state)
        if matrix {
            let filter = try port.map { try engine.port($0, on: nil) }
            switch output {
            case "json": Console.out(engine.matrixJSON(port: filter))
            case "html": Console.out(engine.matrixHTML(port: filter))
            default: Console.out(engine.matrixText(port: filter))
            }
            return
        }
        guard let source = engine.pod(from ?? ""), let destination = engine.pod(to ?? "") else {
            Console.error("kubec: error: no placed pod named \(engine.pod(from ?? "") == nil ? from ?? "" : to ?? "") "
                + "(see `kubec plan` for pod names)\n")
            throw ExitCode(2)
        }
        let target = try engine.port(port ?? "", on: destination)
        let decision = engine.decide(source, destination, target)
        Console.out(output == "json"
            ? engine.decisionJSON(decision, source, destination, target)
            : engine.decisionText(decision, source, destination, target))
    }
}
