import Foundation

/// `make bench`: generates its inputs, measures each stage against its floor in the same run, prints a table.
///
/// Usage: kubec-bench [SUITE...] — suites: targets, growth (the `kubec` process), loader, schema, lint, plan,
/// dataplane, nftables, dnsnginx, diff, diff-upgrade (default all); `kubec-bench generate …` writes one input
/// (see GenerateCommand).
struct BenchResult {
    var name: String
    var seconds: Double
    var floor: Double?
    var target: Double? = nil
    var note: String? = nil
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "generate" { exit(GenerateCommand.run(Array(arguments.dropFirst()))) }
let suites: [(String, (String) throws -> [BenchResult])] = [
    ("targets", ProcessTargets.run),
    ("growth", ProcessGrowth.run),
    ("loader", LoaderBenchmark.run),
    ("plan", PlanBenchmark.run),
    ("schema", SchemaBenchmark.run),
    ("lint", LintBenchmark.run),
    ("diff", DiffSuiteBenchmark.run),
    ("diff-upgrade", DiffUpgradeBenchmark.run),
    ("dnsnginx", DNSNginxBenchmark.run),
    ("dataplane", { _ in runDataplaneBench(); return [] }),
    ("nftables", { _ in runNFTablesBench(); return [] }),
    ("html", HTMLReportBenchmark.run),
]
let work = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-bench-\(getpid())").path

var failed = false
for (name, suite) in suites where arguments.isEmpty || arguments.contains(name) {
    print("== \(name)")
    do {
        for result in try suite(work) {
            var line = result.name.padding(toLength: 44, withPad: " ", startingAt: 0) + Stopwatch.format(result.seconds)
            if let floor = result.floor, floor > 0, result.floor != result.seconds {
                line += String(format: "   %.2f× floor", result.seconds / floor)
                if let target = result.target {
                    let ok = result.seconds / floor <= target
                    line += String(format: " (target ≤ %.2f×: %@)", target, ok ? "met" : "MISSED")
                }
            } else if let target = result.target {
                let ok = result.seconds <= target
                line += String(format: " (target ≤ %@: %@)", Stopwatch.format(target), ok ? "met" : "MISSED")
            }
            if let note = result.note { line += "   [\(note)]" }
            if result.name.hasPrefix("FAIL") { failed = true }
            print(line)
        }
    } catch {
        print("  failed: \(error)")
        failed = true
    }
}
// `exit` skips `defer`, so the scratch folder is removed explicitly.
try? FileManager.default.removeItem(atPath: work)
exit(failed ? 1 : 0)
