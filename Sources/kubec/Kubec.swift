import ArgumentParser
import Foundation

/// The `kubec` root command: a Kubernetes manifest compiler and validator.
struct Kubec: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "kubec",
        abstract: "Lint, place, compile and diff Kubernetes manifests, offline and deterministically.",
        version: version,
        subcommands: [LintCommand.self, PlanCommand.self, CompileCommand.self, DiffCommand.self, ReachCommand.self, RulesCommand.self]
    )
}

/// Entry point: maps every failure onto CLI.md's exit codes (0 ok, 1 findings, 2 could not do the job).
@main
enum KubecMain {
    static func main() {
        do {
            var command = try Kubec.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = Kubec.exitCode(for: error)
            if code == .success {
                Kubec.exit(withError: error)
            }
            // Usage errors (ArgumentParser's 64) and every other failure are exit 2 in our contract.
            FileHandle.standardError.write(Data((Kubec.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
