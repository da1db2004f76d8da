import KubeLint
import KubeModel
import KubePlan
import KubeSchema
import KubeYAML

/// Everything `kubec lint` checks, in one place so `compile` checks exactly the same: loader and decoding
/// findings, schema validation, the rule catalogue, and (when the input declares Nodes) the scheduler's
/// `pod-unschedulable` findings; then the configuration's severities and suppressions over all of them.
enum LintPipeline {
    /// `plan` is asked for only once the rules have run (`compile` plans on another core meanwhile, and lints
    /// on one core only, `parallel: false`, so that the plan keeps a core of its own).
    static func run(
        _ set: ManifestSet, flags: ValidationFlags, configuration: LintConfiguration,
        plan: @autoclosure () -> PlanResult?, parallel: Bool = true
    ) -> [Diagnostic] {
        var set = set
        if !flags.strict { set.diagnostics = set.diagnostics.map(StrictMode.relaxed) }
        // Schema validation runs inside the linter, window by window before the rules: both read the same nodes,
        // and the second reader finds them in cache.
        let schema = SchemaValidator.prepare(set, options: flags.schemaOptions)
        let hasNodes = !set.nodes.isEmpty
        var diagnostics = withoutDecoderEchoes(Linter.lint(
            set, configuration: configuration, additional: schema.catalogDiagnostics, alongside: { schema.validate($0) },
            parallel: parallel,
            pending: {
                guard hasNodes, let plan = plan() else { return [] }
                return plan.diagnostics + PlanFindings.unschedulable(plan.plan)
            }))
        diagnostics.sortForReport()
        return diagnostics
    }
}

/// The model decoder and the schema both notice a value of the wrong type or format; one finding per place
/// is enough, and the schema's says more (kubectl's wording, and why YAML typed the value so).
private func withoutDecoderEchoes(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    let echoed: [String: String] = ["model-type-mismatch": SchemaRuleID.type, "model-invalid-value": "schema-format"]
    let twins = Array(echoed.values)
    var places = Set<String>()
    // By index: iterating the array would copy every finding (a retain per string it holds).
    for index in diagnostics.indices {
        let rule = diagnostics[index].rule
        guard twins.contains(rule), let range = diagnostics[index].range else { continue }
        places.insert("\(rule)@\(range.file):\(range.start.line):\(range.start.column)")
    }
    guard !places.isEmpty else { return diagnostics }
    return diagnostics.filter { diagnostic in
        guard let twin = echoed[diagnostic.rule], let range = diagnostic.range else { return true }
        return !places.contains("\(twin)@\(range.file):\(range.start.line):\(range.start.column)")
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
