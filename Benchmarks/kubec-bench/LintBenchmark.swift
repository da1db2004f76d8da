import Foundation
import KubeLint
import KubeModel
import KubeYAML

/// Issue 4's figure: every lint rule over ≥ 20,000 documents, against loading and decoding the same set.
///
/// The rules run on an already decoded set, so the figure is what linting adds. Once KubeSchema validates,
/// the target compares against its time (rules ≤ 30% of schema validation); until then the floor is load +
/// decode.
enum LintBenchmark {
    static func run(workDirectory: String) throws -> [BenchResult] {
        let (paths, bytes) = try ManifestGenerator.write(documents: 28_000, to: workDirectory + "/lint")
        let files = paths.map { SourceFile(path: $0, bytes: Array(FileManager.default.contents(atPath: $0) ?? Data())) }
        let decode = Stopwatch.best(runs: ProcessInfo.processInfo.environment["KUBEC_BENCH_LINT_ONLY"] != nil || ProcessInfo.processInfo.environment["KUBEC_BENCH_DECODE_ONLY"] != nil ? 0 : 3) { ManifestSet.decode(YAMLLoader.load(files)) }
        let set = decode.result
        // Profiling modes: N more lint runs or N more decodes, for `perf stat` instruction counts.
        if let runs = ProcessInfo.processInfo.environment["KUBEC_BENCH_LINT_ONLY"].flatMap(Int.init) {
            for _ in 0..<runs { _ = Linter.lint(set, parallel: false).count }
            return []
        }
        if let runs = ProcessInfo.processInfo.environment["KUBEC_BENCH_DECODE_ONLY"].flatMap(Int.init) {
            for _ in 0..<runs { _ = ManifestSet.decode(YAMLLoader.load(files)).manifests.count }
            return []
        }
        let context = Stopwatch.best(runs: 3) { LintContext(set).podTemplates.count }
        let lint = Stopwatch.best(runs: 3) { Linter.lint(set).count }
        if ProcessInfo.processInfo.environment["KUBEC_BENCH_RULES"] != nil {
            let index = LintContext(set)
            for rule in RuleRegistry.all {
                let timing = Stopwatch.best(runs: 1) { Linter.findings(of: rule, in: index).count }
                print("  \(rule.info.id.padding(toLength: 40, withPad: " ", startingAt: 0)) \(Stopwatch.format(timing.seconds))  \(timing.result) findings")
            }
        }
        if ProcessInfo.processInfo.environment["KUBEC_BENCH_RULES"] != nil {
            var quiet = LintConfiguration()
            quiet.disabled = ["run-as-root", "service-selector-matches-no-pod"]
            let fewer = Stopwatch.best(runs: 3) { Linter.lint(set, configuration: quiet).count }
            print("  without the two rules with 9,333 findings each: \(Stopwatch.format(fewer.seconds))")
            let findings = Stopwatch.best(runs: 3) { () -> Int in
                let index = LintContext(set)
                return RuleRegistry.all.reduce(0) { $0 + Linter.findings(of: $1, in: index).count }
            }
            print("  context + rules serially, no diagnostics: \(Stopwatch.format(findings.seconds))")
            let serial = Stopwatch.best(runs: 3) { Linter.lint(set, parallel: false).count }
            print("  Linter.lint on one core: \(Stopwatch.format(serial.seconds))")
        }
        let label = "\(set.documentCount) documents, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, "
            + "\(RuleRegistry.all.count) rules, \(lint.result) findings"
        return [
            BenchResult(name: "load + decode (2 cores)", seconds: decode.seconds, floor: decode.seconds, note: label),
            BenchResult(name: "lint index (LintContext)", seconds: context.seconds, floor: decode.seconds),
            BenchResult(name: "lint: all rules + suppressions", seconds: lint.seconds, floor: decode.seconds, target: 0.30),
        ]
    }
}
