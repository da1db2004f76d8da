import Foundation
import KubeModel
import KubeSchema
import KubeYAML

/// Issue 3's figures: schema validation of ≥ 20,000 documents against the bare libyaml event loop, and the cost
/// of decoding the bundled schema of one version (paid once per process).
enum SchemaBenchmark {
    static func run(workDirectory: String) throws -> [BenchResult] {
        let (paths, bytes) = try ManifestGenerator.write(documents: 21_000, to: workDirectory + "/schema")
        let files = paths.map { SourceFile(path: $0, bytes: Array(FileManager.default.contents(atPath: $0) ?? Data())) }
        let raw = files.map(\.bytes)
        let bare = Stopwatch.best { BareLibYAML.countEvents(raw) }
        let registryTime = Stopwatch.best { (try? SchemaRegistry(options: SchemaOptions()))?.bundled.nodes.count ?? 0 }
        let registry = try SchemaRegistry(options: SchemaOptions())
        let set = ManifestSet.decode(YAMLLoader.load(files))
        let validateOnly = Stopwatch.best { SchemaValidator.validate(set, registry: registry).count }
        let validateSerial = Stopwatch.best { SchemaValidator.validate(set, registry: registry, parallel: false).count }
        let pipeline = Stopwatch.best {
            SchemaValidator.validate(ManifestSet.decode(YAMLLoader.load(files)), registry: registry).count
        }
        let parallelCPU = cpuSeconds { _ = SchemaValidator.validate(set, registry: registry) }
        let serialCPU = cpuSeconds { _ = SchemaValidator.validate(set, registry: registry, parallel: false) }
        let label = "\(set.manifests.count) documents, \(String(format: "%.1f", Double(bytes) / 1e6)) MB, "
            + "\(validateOnly.result) findings"
        return [
            BenchResult(
                name: "bare libyaml event loop (1 core)", seconds: bare.seconds, floor: bare.seconds, note: label),
            BenchResult(name: "decode bundled schema \(registry.kubernetesVersion)", seconds: registryTime.seconds,
                        floor: nil, note: "\(registryTime.result) nodes, once per process"),
            BenchResult(name: "schema validation only (2 cores)", seconds: validateOnly.seconds, floor: bare.seconds,
                        note: "cpu " + Stopwatch.format(parallelCPU)),
            BenchResult(name: "schema validation only (1 core)", seconds: validateSerial.seconds, floor: bare.seconds,
                        note: "cpu " + Stopwatch.format(serialCPU)),
            BenchResult(name: "load + decode + schema (2 cores)", seconds: pipeline.seconds, floor: bare.seconds,
                        target: 2.0),
        ]
    }

    /// User + system CPU time of one run of `body` (all threads of the process).
    static func cpuSeconds(_ body: () -> Void) -> Double {
        func now() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        }
        let start = now()
        body()
        return now() - start
    }
}
