import KubeYAML

/// The catalogue `kubec rules` prints, from the registry.
package enum RuleCatalog {
    /// One rule a line, grouped by kind: `id  severity  summary`, opt-in rules marked.
    package static func text() -> String {
        let rules = RuleRegistry.all.map(\.info)
        let width = (rules.map(\.id.count).max() ?? 0) + 2
        var output = ""
        for kind in RuleDescription.Kind.allCases {
            let group = rules.filter { $0.kind == kind }
            guard !group.isEmpty else { continue }
            output += "\(kind.rawValue):\n"
            for rule in group {
                let severity = rule.severity.name + (rule.enabledByDefault ? "" : " (opt-in)")
                output += "  " + rule.id.padding(width) + severity.padding(20) + rule.summary + "\n"
            }
        }
        output += "\(rules.count) rules\n"
        return output
    }

    /// `{"rules": [{id, name, kind, severity, enabledByDefault, summary, rationale, equivalents, examples}]}`;
    /// `equivalents` maps `kube-linter`, `kube-score`, `polaris` and `checkov` to the check names a rule covers.
    package static func json() -> String {
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
        return JSONValue.object([("rules", .array(rules))]).rendered(pretty: true) + "\n"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
