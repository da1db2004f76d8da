import ArgumentParser
import KubeLint
import KubeYAML

/// `kubec rules`: the rule catalogue (id, default severity, summary); `--output json` adds the examples.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every lint rule: id, default severity and summary."
    )

    @Option(help: "Output format: text or json.")
    var output: String = "text"

    func validate() throws {
        guard output == "text" || output == "json" || output == "markdown" else {
            throw ValidationError("unknown output format '\(output)'; use text, json or markdown")
        }
    }

    func run() throws {
        Console.out(output == "json" ? RuleCatalog.json(pipeline: PipelineRuleCatalog.all)
                : output == "markdown" ? RuleCatalog.markdown(pipeline: PipelineRuleCatalog.all) : RuleCatalog.text(pipeline: PipelineRuleCatalog.all))
    }
}
