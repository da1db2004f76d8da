import Dispatch
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
    /// `registry` is the one the flags name when the command has built it already (it is built here otherwise);
    /// `keep` is handed what the run built and no longer needs (a command about to exit keeps it rather than
    /// free it).
    static func run(
        _ set: ManifestSet, flags: ValidationFlags, configuration: LintConfiguration,
        plan: @autoclosure () -> PlanResult?, parallel: Bool = true, registry: SchemaRegistry? = nil,
        keep: (Any) -> Void = { _ in }
    ) -> [Diagnostic] {
        var set = set
        if !flags.strict { set.diagnostics = set.diagnostics.map(StrictMode.relaxed) }
        // Schema validation runs inside the linter, window by window before the rules: both read the same nodes,
        // and the second reader finds them in cache. Its table is made on another core while the linter indexes
        // the set (both are mostly one thread's work); the first window waits for it.
        let (input, options) = (set, flags.schemaOptions)
        let prepare: @Sendable () -> PreparedSchemaValidation = {
            if let registry { SchemaValidator.prepare(input, registry: registry) }
            else { SchemaValidator.prepare(input, options: options) }
        }
        let prepared = Handover<PreparedSchemaValidation>()
        if parallel {
            DispatchQueue.global(qos: .userInitiated).async { prepared.put(prepare()) }
        } else {
            prepared.put(prepare())
        }
        let hasNodes = !set.nodes.isEmpty
        var diagnostics = Linter.lint(
            set, configuration: configuration, alongside: { prepared.value.validate($0) }, parallel: parallel,
            pending: {
                // The table's own findings come first, then the plan's.
                let catalog = prepared.value.catalogDiagnostics
                guard hasNodes, let plan = plan() else { return catalog }
                return catalog + plan.diagnostics + PlanFindings.unschedulable(plan.plan)
            },
            finished: { keep($0) })
        let schema = prepared.value
        keep(schema)
        // Sorted by the linter; dropping findings keeps the order.
        removeDecoderEchoes(&diagnostics)
        return diagnostics
    }
}

/// The model decoder and the schema both notice a value of the wrong type or format; one finding per place
/// is enough, and the schema's says more (kubectl's wording, and why YAML typed the value so).
private func removeDecoderEchoes(_ diagnostics: inout [Diagnostic]) {
    let echoed: [String: String] = ["model-type-mismatch": SchemaRuleID.type, "model-invalid-value": "schema-format"]
    let twins = Array(echoed.values)
    var places = Set<String>()
    // By index: iterating the array would copy every finding (a retain per string it holds).
    for index in diagnostics.indices {
        let rule = diagnostics[index].rule
        guard twins.contains(rule), let range = diagnostics[index].range else { continue }
        places.insert("\(rule)@\(range.file):\(range.start.line):\(range.start.column)")
    }
    guard !places.isEmpty else { return }
    // Compacted in place, in the buffer: each finding kept is moved, never copied.
    let kept = diagnostics.withUnsafeMutableBufferPointer { diagnostics in
        var kept = 0
        for index in diagnostics.indices {
            if let twin = echoed[diagnostics[index].rule], let range = diagnostics[index].range,
                places.contains("\(twin)@\(range.file):\(range.start.line):\(range.start.column)")
            {
                continue
            }
            if kept != index { diagnostics.swapAt(kept, index) }
            kept += 1
        }
        return kept
    }
    diagnostics.removeLast(diagnostics.count - kept)
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
