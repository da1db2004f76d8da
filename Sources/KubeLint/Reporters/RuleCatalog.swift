import KubeYAML

/// The catalogue `kubec rules` prints, from the registry.
package enum RuleCatalog {
    /// One rule a line, grouped by kind: `id  severity  summary`, opt-in rules marked; then the ids of the
    /// stages before linting (`pipeline`), grouped by category.
    package static func text(pipeline: [PipelineRuleInfo] = []) -> String {
        let rules = RuleRegistry.all.map(\.info)
        let width = ((rules.map(\.id) + pipeline.map(\.id)).map(\.count).max() ?? 0) + 2
        var output = ""
        for kind in RuleDescription.Kind.allCases {
            let group = rules.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            output += "\(kind.rawValue):\n"
            for rule in group {
                let severity = rule.severity.name + (rule.enabledByDefault ? "" : " (opt-in)")
                output += "  " + rule.id.padding(width) + severity.padding(20) + rule.summary + "\n"
                if let line = equivalentsLine(rule.equivalents) {
                    output += "  " + "".padding(width) + "".padding(20) + line + "\n"
                }
            }
        }
        var categories: [String] = []
        for entry in pipeline where !categories.contains(entry.category) { categories.append(entry.category) }
        for category in categories {
            output += "\(category) (before linting):\n"
            for entry in pipeline where entry.category == category {
                output += "  " + entry.id.padding(width) + entry.severity.name.padding(20) + entry.summary + "\n"
            }
        }
        output += "\(rules.count) rules"
        output += pipeline.isEmpty ? "\n" : ", \(pipeline.count) ids of the stages before linting\n"
        return output
    }

    /// `covers kube-linter: a, b; checkov: CKV_K8S_1`, the migration map of one rule; nil when it has none.
    static func equivalentsLine(_ equivalents: RuleEquivalents) -> String? {
        let tools = equivalents.byTool.filter { !$0.names.isEmpty }
        guard !tools.isEmpty else { return nil }
        return "covers " + tools.map { "\($0.tool): " + $0.names.joined(separator: ", ") }.joined(separator: "; ")
    }

    /// `{"rules": [{id, name, kind, severity, enabledByDefault, summary, rationale, equivalents, examples}]}`;
    /// `equivalents` maps `kube-linter`, `kube-score`, `polaris` and `checkov` to the check names a rule covers.
    /// The ids of `pipeline` follow with `kind: "pipeline"`, their `category`, severity and summary.
    package static func json(pipeline: [PipelineRuleInfo] = []) -> String {
        let rules: [JSONValue] = RuleRegistry.all.map(\.info).map { rule in
            .object([
                ("id", .string(rule.id)),
                ("name", .string(rule.name)),
                ("kind", .string(rule.kind.rawValue)),
                ("severity", .string(rule.severity.name)),
                ("enabledByDefault", .bool(rule.enabledByDefault)),
                ("summary", .string(rule.summary)),
                ("rationale", .string(rule.rationale)),
                ("equivalents", .object(rule.equivalents.byTool.map { ($0.tool, .array($0.names.map { .string($0) })) })),
                ("examples", .object([
                    ("triggering", .array(rule.triggering.map { .string($0) })),
                    ("nonTriggering", .array(rule.nonTriggering.map { .string($0) })),
                ])),
            ])
        }
        let stages: [JSONValue] = pipeline.map { entry in
            .object([
                ("id", .string(entry.id)),
                ("kind", .string("pipeline")),
                ("category", .string(entry.category)),
                ("severity", .string(entry.severity.name)),
                ("enabledByDefault", .bool(true)),
                ("summary", .string(entry.summary)),
                ("equivalents", .object([])),
            ])
        }
        return JSONValue.object([("rules", .array(rules + stages))]).rendered(pretty: true) + "\n"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
