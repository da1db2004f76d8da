import KubeDiff
import KubeModel
import KubeYAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `make bench` case for `kubec diff`: two generated sets of N documents each, 1% of objects changed.
///
/// The generator is deterministic (no randomness): object i is a Deployment, Service or ConfigMap by i mod 3,
/// in one of `files` files; the new side splits the same objects over the files in another order, so
/// matching has to work by identity. Every hundredth object changes: a Deployment's image (a rollout), a
/// Service's port, a ConfigMap value.
package enum DiffBenchmark {
    /// What one run measured.
    package struct Measurement: Sendable {
        /// Objects per side.
        package var documents: Int
        /// Reading and identifying both sides (YAML parse + `ManifestSet.decode`).
        package var loadSeconds: Double
        /// CPU time of loading, summed over threads.
        package var loadCPUSeconds: Double
        /// `ManifestDiff.compare` alone.
        package var diffSeconds: Double
        /// CPU time of `ManifestDiff.compare` summed over threads: steadier than wall time on a busy machine.
        package var diffCPUSeconds: Double
        /// What the diff found (the tests check it).
        package var report: DiffReport

        /// Load and diff together: what `kubec diff` costs.
        package var totalSeconds: Double { loadSeconds + diffSeconds }
    }

    /// Two sides of `documents` objects each, `changeEvery`-th object modified, spread over `files` files.
    ///
    /// With `touchEveryDocument` each new document also gains a trailing comment: same objects, different
    /// bytes, so no document takes the identical-text shortcut (the worst case: every tree is walked).
    package static func makeSources(
        documents: Int, changeEvery: Int = 100, files: Int = 8, touchEveryDocument: Bool = false
    ) -> (old: [SourceFile], new: [SourceFile]) {
        var oldTexts = [String](repeating: "", count: files)
        var newTexts = [String](repeating: "", count: files)
        for index in 0..<documents {
            let changed = index % changeEvery == changeEvery / 2
            oldTexts[index % files] += "---\n" + document(index, changed: false)
            // The new side puts the object in another file and in another position.
            newTexts[(index / files + index) % files] +=
                "---\n" + document(index, changed: changed)
                + (touchEveryDocument ? "# rendered again\n" : "")
        }
        let old = oldTexts.enumerated().map { SourceFile(path: "old/part-\($0.offset).yaml", text: $0.element) }
        let new = newTexts.enumerated().reversed().map {
            SourceFile(path: "new/part-\($0.offset).yaml", text: $0.element)
        }
        return (old, new)
    }

    /// Loads both sides and diffs them, timing each stage.
    package static func run(documents: Int = 20_000, touchEveryDocument: Bool = false) -> Measurement {
        let (oldFiles, newFiles) = makeSources(documents: documents, touchEveryDocument: touchEveryDocument)
        let clock = ContinuousClock()
        let loadStart = clock.now
        let loadCPUStart = processCPUSeconds()
        let old = ManifestSet.decode(YAMLLoader.load(oldFiles))
        let new = ManifestSet.decode(YAMLLoader.load(newFiles))
        let diffStart = clock.now
        let cpuStart = processCPUSeconds()
        let loadCPU = cpuStart - loadCPUStart
        let report = ManifestDiff.compare(old: old, new: new, options: DiffOptions(roots: ("old", "new")))
        let cpuEnd = processCPUSeconds()
        let end = clock.now
        return Measurement(
            documents: documents, loadSeconds: seconds(diffStart - loadStart), loadCPUSeconds: loadCPU,
            diffSeconds: seconds(end - diffStart),
            diffCPUSeconds: cpuEnd - cpuStart, report: report)
    }

    /// CPU time used by the whole process so far (`CLOCK_PROCESS_CPUTIME_ID`), for figures that must not
    /// depend on how busy the machine is.
    package static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// One generated object.
    static func document(_ index: Int, changed: Bool) -> String {
        let name = "app-\(index)"
        let namespace = "team-\(index % 50)"
        switch index % 3 {
        case 0:
            return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: \(name)
                  namespace: \(namespace)
                  labels: {app: \(name), tier: backend, app.kubernetes.io/part-of: bench}
                spec:
                  replicas: \(index % 5 + 1)
                  selector:
                    matchLabels: {app: \(name)}
                  template:
                    metadata:
                      labels: {app: \(name), tier: backend}
                    spec:
                      containers:
                      - name: main
                        image: registry.example.com/\(name):\(changed ? "2.0.1" : "2.0.0")
                        args: ["--port=8080", "--log-level=info"]
                        ports:
                        - {containerPort: 8080, name: http}
                        env:
                        - {name: MODE, value: production}
                        - {name: SHARD, value: "\(index % 16)"}
                        resources:
                          requests: {cpu: 100m, memory: 128Mi}
                          limits: {cpu: 500m, memory: 256Mi}
                      - name: sidecar
                        image: envoyproxy/envoy:v1.30.1
                        ports:
                        - {containerPort: 9901, name: admin}

                """
        case 1:
            return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: \(name)
                  namespace: \(namespace)
                  labels: {app: \(name)}
                spec:
                  selector: {app: app-\(index - 1)}
                  ports:
                  - {name: http, port: \(changed ? 8080 : 80), targetPort: http}
                  - {name: admin, port: 9901, protocol: TCP}

                """
        default:
            return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: \(name)
                  namespace: \(namespace)
                data:
                  mode: production
                  level: "\(changed ? "debug" : "info")"
                  endpoint: http://app-\(index - 1).\(namespace).svc:80
                  retries: "3"

                """
        }
    }
}
