import BenchmarkInputs
import KubeDiff
import KubeModel
import KubeYAML

/// Issue 8's figure: `kubec diff` of two 20,000-document sets with 1% of objects changed (target ≤ 0.5 s).
///
/// Inputs come from `DiffBenchmark.makeSources` (in KubeDiff, so the tests check what it generates). The floor
/// is loading both sides (parse + identify, as `kubec diff` does without `--cluster`), which any diff must do; the rows add the diff stage, the whole
/// command, and the worst case where every new document differs in bytes (a trailing comment), so no document
/// takes the identical-text shortcut and every tree is walked.
enum DiffSuiteBenchmark {
    static func run(workDirectory: String) throws -> [BenchResult] {
        let documents = 20_000
        let (oldFiles, newFiles) = DiffBenchmark.makeSources(documents: documents)
        let (_, touchedFiles) = DiffBenchmark.makeSources(documents: documents, touchEveryDocument: true)
        let options = DiffOptions(roots: ("old", "new"))
        let load = Stopwatch.best(runs: 3) {
            (ManifestSet.decode(YAMLLoader.load(oldFiles), typed: false), ManifestSet.decode(YAMLLoader.load(newFiles), typed: false))
        }
        let (old, new) = load.result
        let touched = ManifestSet.decode(YAMLLoader.load(touchedFiles), typed: false)
        let diff = Stopwatch.best { ManifestDiff.compare(old: old, new: new, options: options) }
        let worst = Stopwatch.best(runs: 3) { ManifestDiff.compare(old: old, new: touched, options: options) }
        let whole = Stopwatch.best(runs: 3) {
            ManifestDiff.compare(
                old: ManifestSet.decode(YAMLLoader.load(oldFiles), typed: false),
                new: ManifestSet.decode(YAMLLoader.load(newFiles), typed: false),
                options: options)
        }
        let cpuStart = DiffBenchmark.processCPUSeconds()
        _ = ManifestDiff.compare(old: old, new: new, options: options)
        let cpu = DiffBenchmark.processCPUSeconds() - cpuStart
        let summary = diff.result.summary
        let label = "\(documents) documents a side, \(summary.modified) modified, \(summary.fieldChanges) field changes"
        return [
            BenchResult(
                name: "load both sides (parse + identify)", seconds: load.seconds, floor: load.seconds, note: label),
            BenchResult(
                name: "diff stage, 1% changed", seconds: diff.seconds,
                note: "CPU \(Stopwatch.format(cpu)) over both cores"),
            BenchResult(name: "diff stage, every document re-rendered", seconds: worst.seconds),
            BenchResult(name: "kubec diff (load + diff), 1% changed", seconds: whole.seconds, target: 0.5),
        ]
    }
}
