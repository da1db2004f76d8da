import Foundation
import KubeLint
import KubeModel
import KubeYAML

/// Issue 4's figure: every lint rule over ≥ 20,000 documents, against loading and decoding the same set.
///
/// The rules run on an already decoded set, so the figure is what linting adds. The issue's target compares
/// against schema validation (rules ≤ 30% of it); until KubeSchema validates, the floor is load + decode, a
/// stricter comparison. Profiling modes for `perf stat -e task-clock` (CPU time is steadier than wall clock on
/// a shared machine): `KUBEC_BENCH_LINT_ONLY=N` runs N more serial lints and nothing else,
/// `KUBEC_BENCH_DECODE_ONLY=N` N more decodes, `KUBEC_BENCH_DISABLE=a,b` rules to leave out; `KUBEC_BENCH_RULES=1` prints a per-rule table.
enum LintBenchmark {
    static func run(workDirectory: String) throws -> [BenchResult] {
        let environment = ProcessInfo.processInfo.environment
        let (paths, bytes) = try ManifestGenerator.write(documents: 28_000, to: workDirectory + "/lint")
        let files = paths.map { SourceFile(path: $0, bytes: Array(FileManager.default.contents(atPath: $0) ?? Data())) }
        let profiling = environment["KUBEC_BENCH_LINT_ONLY"] != nil || environment["KUBEC_BENCH_DECODE_ONLY"] != nil
        let decode = Stopwatch.best(runs: profiling ? 0 : 3) { ManifestSet.decode(YAMLLoader.load(files)) }
        let set = decode.result
        if profiling {
            var configuration = LintConfiguration()
            configuration.disabled = Set((environment["KUBEC_BENCH_DISABLE"] ?? "").split(separator: ",").map(String.init))
            for _ in 0..<(environment["KUBEC_BENCH_LINT_ONLY"].flatMap(Int.init) ?? 0) {
                _ = Linter.lint(set, configuration: configuration, parallel: false).count
            }
            for _ in 0..<(environment["KUBEC_BENCH_DECODE_ONLY"].flatMap(Int.init) ?? 0) {
                _ = ManifestSet.decode(YAMLLoader.load(files)).manifests.count
            }
            return []
        }
        if environment["KUBEC_BENCH_RULES"] != nil { printRuleTable(set) }
        let context = Stopwatch.best(runs: 3) { LintContext(set).podTemplates.count }
        let lint = Stopwatch.best(runs: 3) { Linter.lint(set).count }
        let serial = Stopwatch.best(runs: 3) { Linter.lint(set, parallel: false).count }
        let label = "\(set.documentCount) documents, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, "
            + "\(RuleRegistry.all.count) rules, \(lint.result) findings"
        return [
            BenchResult(name: "load + decode (2 cores)", seconds: decode.seconds, floor: decode.seconds, note: label),
            BenchResult(name: "lint index (LintContext)", seconds: context.seconds, floor: decode.seconds),
            BenchResult(name: "lint: all rules + suppressions (2 cores)", seconds: lint.seconds, floor: decode.seconds,
                        target: 0.30),
            BenchResult(name: "lint: all rules + suppressions (1 core)", seconds: serial.seconds, floor: decode.seconds),
        ]
    }

    /// One line per rule: its time alone and its finding count.
    private static func printRuleTable(_ set: ManifestSet) {
        let index = LintContext(set)
        for rule in RuleRegistry.all {
            let timing = Stopwatch.best(runs: 1) { Linter.findings(of: rule, in: index).count }
            print("  " + rule.info.id.padding(toLength: 40, withPad: " ", startingAt: 0)
                + Stopwatch.format(timing.seconds) + "  \(timing.result) findings")
        }
    }
}
