import KubeLint
import KubeModel
import KubePlan
import KubeSchema
import KubeYAML

/// Everything `kubec lint` checks, in one place so `compile` checks exactly the same: loader and decoding
/// findings, schema validation, the rule catalogue, and (when the input declares Nodes) the scheduler's
/// `pod-unschedulable` findings; then the configuration's severities and suppressions over all of them.
enum LintPipeline {
    static func run(
        _ set: ManifestSet, flags: ValidationFlags, configuration: LintConfiguration, plan: PlanResult?
    ) -> [Diagnostic] {
        var set = set
        if !flags.strict { set.diagnostics = set.diagnostics.map(StrictMode.relaxed) }
        var additional = SchemaValidator.validate(set, options: flags.schemaOptions)
        if let plan, !set.nodes.isEmpty {
            additional += plan.diagnostics + PlanFindings.unschedulable(plan.plan)
        }
        var diagnostics = Linter.lint(set, configuration: configuration, additional: additional)
        diagnostics.sort(by: Diagnostic.reportOrder)
        return diagnostics
    }
}

/// `--no-strict`: unknown fields and duplicate keys become warnings.
enum StrictMode {
    static let relaxable: Set<String> = [YAMLRuleID.duplicateKey, SchemaRuleID.unknownField]

    static func relaxed(_ diagnostic: Diagnostic) -> Diagnostic {
        guard relaxable.contains(diagnostic.rule), diagnostic.severity == .error else { return diagnostic }
        var copy = diagnostic
        copy.severity = .warning
        return copy
    }
}
