import KubeEmit
import KubeLint
import KubeModel
import KubePlan
import KubeYAML

/// One fuzz input through the whole pipeline, with oracles beyond "no crash": the text report holds no raw
/// control byte, and every file `compile --force` would write passes `OutputFileCheck` (paths of DNS names,
/// no control byte, UTF-8) and its target's token checks.
enum FuzzOracle {
    /// A violated oracle: what and where.
    struct Violation: Error, CustomStringConvertible {
        var description: String
    }

    /// Loads, decodes, lints, plans and emits `bytes`; throws the first violated oracle; the emitted files.
    @discardableResult
    static func check(_ bytes: [UInt8]) throws -> [OutputFile] {
        let source = SourceFile(path: "fuzz.yaml", bytes: bytes)
        var limits = YAMLLimits()
        limits.maxDocumentsPerFile = 200
        let set = ManifestSet.decode(YAMLLoader.load([source], limits: limits))
        let diagnostics = Linter.lint(set, parallel: false)
        let report = TextReporter.render(diagnostics, context: ReportContext(files: set.files, documentCount: set.documentCount))
        if let scalar = report.unicodeScalars.first(where: { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }) {
            throw Violation(description: "text report holds control character U+\(String(scalar.value, radix: 16))")
        }
        var options = PlanOptions()
        options.limits.maxPodsTotal = 2_000
        options.limits.maxPodsPerWorkload = 500
        let emitted = CompileOutputs.emit(Compilation.resolve(set, options: options))
        // The dataplane, DNS and nginx emitters guard their own input, so the last check never has to refuse one
        // of their files (placement.* print the plan as it is; `compile --force` leaves invalid objects out first).
        for refusal in emitted.diagnostics where refusal.rule == OutputFileCheck.ruleID {
            if !refusal.message.hasPrefix("output placement.") { throw Violation(description: refusal.message) }
        }
        for file in emitted.files {
            if let problem = OutputFileCheck.problem(file) { throw Violation(description: "\(file.path): \(problem)") }
            if file.path.hasSuffix(".sh"), file.text.contains("$(") || file.text.contains("`") {
                throw Violation(description: "\(file.path): command substitution in a generated script")
            }
        }
        return emitted.files
    }
}
