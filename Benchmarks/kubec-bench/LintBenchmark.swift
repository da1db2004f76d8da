import Foundation
import KubeLint
import KubeModel
import KubeSchema
import KubeYAML

/// Issue 4's figure: what every lint rule adds over the schema-validation pipeline on ≥ 20,000 documents.
///
/// The floor is load + decode + schema validation (what `kubec lint` did before the rules); the rules must add
/// at most 30% of it: measured as `kubec lint` runs them (schema validation inside the linter's windows, then the
/// rules on the same nodes) minus schema validation alone. Rules alone over nodes no stage has just read are
/// timed beside. Stages are timed in interleaved rounds so that load on a shared machine hits them alike;
/// CPU times are printed beside. Profiling modes for `perf`: `KUBEC_BENCH_LINT_ONLY=N` runs N more serial
/// lints (with `KUBEC_BENCH_WITH_SCHEMA=1`, schema validation inside them as `kubec lint` runs it), prints their
/// fastest and median time and nothing else, `KUBEC_BENCH_DISABLE=a,b` leaves rules out of them; `KUBEC_BENCH_RULES=1` prints a
/// per-rule table.
enum LintBenchmark {
    static func run(workDirectory: String) throws -> [BenchResult] {
        let environment = ProcessInfo.processInfo.environment
        let (paths, bytes) = try ManifestGenerator.write(documents: 28_000, to: workDirectory + "/lint")
        let files = paths.map { SourceFile(path: $0, bytes: Array(FileManager.default.contents(atPath: $0) ?? Data())) }
        let set = ManifestSet.decode(YAMLLoader.load(files))
        if let runs = environment["KUBEC_BENCH_LINT_ONLY"].flatMap(Int.init) {
            var configuration = LintConfiguration()
            configuration.disabled = Set((environment["KUBEC_BENCH_DISABLE"] ?? "").split(separator: ",").map(String.init))
            let registry = try SchemaRegistry(options: SchemaOptions())
            let withSchema = environment["KUBEC_BENCH_WITH_SCHEMA"] != nil
            var times: [Double] = []
            for _ in 0..<runs {
                times.append(Stopwatch.best(runs: 1) {
                    guard withSchema else { return Linter.lint(set, configuration: configuration, parallel: false).count }
                    let schema = SchemaValidator.prepare(set, registry: registry)
                    return Linter.lint(set, configuration: configuration, additional: schema.catalogDiagnostics,
                                       alongside: { schema.validate($0) }, parallel: false).count
                }.seconds)
            }
            times.sort()
            if !times.isEmpty {
                print("serial lint: min \(Stopwatch.format(times[0])) median \(Stopwatch.format(times[times.count / 2]))")
            }
            return []
        }
        if environment["KUBEC_BENCH_RULES"] != nil { printRuleTable(set) }
        let registry = try SchemaRegistry(options: SchemaOptions())
        // What `kubec lint` runs: the schema validated window by window inside the linter, just before the rules.
        let schemaAndRules = {
            let schema = SchemaValidator.prepare(set, registry: registry)
            return Linter.lint(set, additional: schema.catalogDiagnostics, alongside: { schema.validate($0) }).count
        }
        if environment["KUBEC_BENCH_FUSION"] != nil {
            let t = Stopwatch.interleaved(rounds: 5, [
                { SchemaValidator.validate(set, registry: registry, parallel: false).count },
                { Linter.lint(set, parallel: false).count },
                {
                    let schema = SchemaValidator.prepare(set, registry: registry)
                    return Linter.lint(set, additional: schema.catalogDiagnostics, alongside: { schema.validate($0) },
                                       parallel: false).count
                },
            ])
            print("serial: schema \(Stopwatch.format(t[0])) rules \(Stopwatch.format(t[1])) fused \(Stopwatch.format(t[2])) -> rules add \(Stopwatch.format(t[2] - t[0]))")
            return []
        }
        let times = Stopwatch.interleaved(rounds: 5, [
            { ManifestSet.decode(YAMLLoader.load(files)).manifests.count },
            { SchemaValidator.validate(set, registry: registry).count },
            schemaAndRules,
            { Linter.lint(set).count },
            { Linter.lint(set, parallel: false).count },
        ])
        let (decode, schema, fused, lint, serial) = (times[0], times[1], times[2], times[3], times[4])
        let schemaCPU = SchemaBenchmark.cpuSeconds { _ = SchemaValidator.validate(set, registry: registry, parallel: false) }
        let lintCPU = SchemaBenchmark.cpuSeconds { _ = Linter.lint(set, parallel: false) }
        let findings = Linter.lint(set).count
        let floor = decode + schema
        let label = "\(set.documentCount) documents, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, "
            + "\(RuleRegistry.all.count) rules, \(findings) findings"
        return [
            BenchResult(name: "load + decode + schema (2 cores)", seconds: floor, floor: floor, note: label),
            BenchResult(name: "schema validation alone (2 cores)", seconds: schema, floor: floor,
                        note: "cpu 1 core " + Stopwatch.format(schemaCPU)),
            BenchResult(name: "schema + rules, as kubec lint (2 cores)", seconds: fused, floor: floor),
            BenchResult(name: "rules add over schema alone (2 cores)", seconds: fused - schema, floor: floor,
                        target: 0.30, note: "the line above minus schema validation alone"),
            BenchResult(name: "rules alone, cold nodes (2 cores)", seconds: lint, floor: floor),
            BenchResult(name: "rules alone, cold nodes (1 core)", seconds: serial, floor: floor,
                        note: "cpu " + Stopwatch.format(lintCPU)),
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
