import Dispatch
import KubeModel
import KubeYAML

/// The lint stage: runs the enabled rules over a decoded set, then applies severities and suppressions to
/// every finding (the loader's, the model's, the schema's and the rules').
package enum Linter {
    /// The per-object suppression annotation: `kubec.dev/ignore: rule-a,rule-b` or `all`.
    package static let ignoreAnnotation = "kubec.dev/ignore"

    /// Lints a set. `additional` are findings of other stages (schema validation) that suppressions and
    /// severity overrides should also apply to. Returns every diagnostic, sorted for reports. Rules run on
    /// both cores unless `parallel` is false.
    package static func lint(
        _ set: ManifestSet, configuration: LintConfiguration = LintConfiguration(), additional: [Diagnostic] = [],
        rules: [any Rule] = RuleRegistry.all, parallel: Bool = true
    ) -> [Diagnostic] {
        let context = LintContext(set, parallel: parallel)
        let active = rules.filter { configuration.isEnabled($0.info) }
        let perRule = run(active, context, parallel: parallel)
        // A schema finding at the very place an API-server rule reports is the same problem said twice (an enum
        // the OpenAPI schema also lists): keep the rule's, which has the API server's path and wording.
        var apiServerPlaces = Set<SourceRange>()
        for (rule, findings) in zip(active, perRule) where rule.info.kind == .apiServer {
            for finding in findings { if let range = finding.range { apiServerPlaces.insert(startOf(range)) } }
        }
        var diagnostics = set.diagnostics + additional.filter { diagnostic in
            guard diagnostic.rule.hasPrefix("schema-"), let range = diagnostic.range else { return true }
            return !apiServerPlaces.contains(startOf(range))
        }
        for (rule, findings) in zip(active, perRule) {
            let description = rule.info
            for finding in findings {
                let object = finding.manifest.map { set.manifests[$0].identity.objectIdentity }
                diagnostics.append(Diagnostic(
                    rule: description.id, severity: finding.severity ?? description.severity, message: finding.message,
                    range: finding.range, object: object, path: finding.path, hint: finding.hint, notes: finding.notes))
            }
        }
        var suppressions = Suppressions(context: context, configuration: configuration)
        diagnostics = diagnostics.compactMap { diagnostic in
            var diagnostic = diagnostic
            if configuration.disabled.contains(diagnostic.rule) { return nil }
            if case .off = configuration.ruleSettings[diagnostic.rule], RuleRegistry.description(of: diagnostic.rule) == nil {
                return nil
            }
            diagnostic.severity = configuration.severity(forRule: diagnostic.rule, default: diagnostic.severity)
            return suppressions.suppresses(diagnostic) ? nil : diagnostic
        }
        if configuration.isEnabled(UnusedSuppressionRule.description) {
            let ran = Set(active.map(\.info.id))
            for var unused in suppressions.unused(ranRules: ran) {
                unused.severity = configuration.severity(forRule: unused.rule, default: unused.severity)
                diagnostics.append(unused)
            }
        }
        diagnostics.sort(by: Diagnostic.reportOrder)
        return diagnostics
    }

    /// A range reduced to where it starts, to compare findings of different stages.
    private static func startOf(_ range: SourceRange) -> SourceRange {
        SourceRange(file: range.file, line: range.start.line, column: range.start.column)
    }

    /// The findings of one rule (the example tests and benchmarks call this).
    package static func findings(of rule: any Rule, in context: LintContext) -> [Finding] {
        var sink = FindingSink(context: context)
        rule.check(context, into: &sink)
        return sink.findings
    }

    /// Runs the rules on both cores; results land in rule order whatever the timing.
    private static func run(_ rules: [any Rule], _ context: LintContext, parallel: Bool) -> [[Finding]] {
        if !parallel { return rules.map { findings(of: $0, in: context) } }
        let slots = ResultSlots<[Finding]>(count: rules.count)
        DispatchQueue.concurrentPerform(iterations: rules.count) { index in
            slots.store(findings(of: rules[index], in: context), at: index)
        }
        return slots.values()
    }
}
