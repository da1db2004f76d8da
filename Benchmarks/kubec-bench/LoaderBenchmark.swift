import Foundation
import KubeModel
import KubeYAML

/// Issue 2's figure: KubeYAML's loader against the bare libyaml event loop on ≥ 20,000 documents.
///
/// The contenders run interleaved, round after round, and each keeps its best round: on a shared machine a
/// burst of load then hits floor and loader alike instead of skewing the ratio.
enum LoaderBenchmark {
    static func run(workDirectory: String) throws -> [BenchResult] {
        let (paths, bytes) = try ManifestGenerator.write(documents: 28_000, to: workDirectory + "/loader")
        let files = paths.map { SourceFile(path: $0, bytes: Array(FileManager.default.contents(atPath: $0) ?? Data())) }
        let raw = files.map(\.bytes)
        let loaded = YAMLLoader.load(files)
        let times = Stopwatch.interleaved(rounds: 9, [
            { BareLibYAML.countEvents(raw) },
            { YAMLLoader.load(files).documents.count },
            { files.reduce(0) { $0 + YAMLLoader.load([$1]).documents.count } },
            { ManifestSet.decode(loaded).manifests.count },
        ])
        let bare = times[0]
        let label = "\(loaded.documents.count) documents, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, "
            + "\(BareLibYAML.countEvents(raw)) events"
        return [
            BenchResult(name: "bare libyaml event loop (1 core)", seconds: bare, floor: bare, note: label),
            BenchResult(name: "KubeYAML loader (2 cores)", seconds: times[1], floor: bare, target: 1.5),
            BenchResult(name: "KubeYAML loader (1 core)", seconds: times[2], floor: bare),
            BenchResult(name: "KubeModel decode only (2 cores)", seconds: times[3], floor: bare),
        ]
    }
}
