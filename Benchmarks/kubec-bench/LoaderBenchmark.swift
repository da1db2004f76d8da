import Foundation
import KubeModel
import KubeYAML

/// Issue 2's figure: KubeYAML's loader against the bare libyaml event loop on ≥ 20,000 documents.
enum LoaderBenchmark {
    static func run(workDirectory: String) throws -> [BenchResult] {
        let (paths, bytes) = try ManifestGenerator.write(documents: 28_000, to: workDirectory + "/loader")
        let files = paths.map { SourceFile(path: $0, bytes: Array(FileManager.default.contents(atPath: $0) ?? Data())) }
        let raw = files.map(\.bytes)
        let bare = Stopwatch.best { BareLibYAML.countEvents(raw) }
        let loader = Stopwatch.best { YAMLLoader.load(files).documents.count }
        let serial = Stopwatch.best { files.reduce(0) { $0 + YAMLLoader.load([$1]).documents.count } }
        let decode = Stopwatch.best { ManifestSet.decode(YAMLLoader.load(files)).manifests.count }
        let label = "\(loader.result) documents, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, \(bare.result) events"
        return [
            BenchResult(name: "bare libyaml event loop (1 core)", seconds: bare.seconds, floor: bare.seconds, note: label),
            BenchResult(name: "KubeYAML loader (2 cores)", seconds: loader.seconds, floor: bare.seconds, target: 1.5),
            BenchResult(name: "KubeYAML loader (1 core)", seconds: serial.seconds, floor: bare.seconds),
            BenchResult(name: "loader + KubeModel decode", seconds: decode.seconds, floor: bare.seconds),
        ]
    }
}
