import KubeDiff
import KubeModel
import KubeYAML

/// Builds manifest sets from inline YAML and diffs them, for tests.
enum DiffFixture {
    /// A manifest set from files given as (path, text).
    static func set(_ files: [(String, String)]) -> ManifestSet {
        ManifestSet.decode(YAMLLoader.load(files.map { SourceFile(path: $0.0, text: $0.1) }))
    }

    /// Diffs two single-file sets.
    static func diff(_ old: String, _ new: String, ignores: [String] = []) -> DiffReport {
        diff(old: [("old.yaml", old)], new: [("new.yaml", new)], ignores: ignores, roots: ("old.yaml", "new.yaml"))
    }

    /// Diffs two multi-file sets (file paths compared as they are unless roots are given).
    static func diff(
        old: [(String, String)], new: [(String, String)], ignores: [String] = [],
        roots: (old: String, new: String)? = nil
    ) -> DiffReport {
        let patterns = ignores.compactMap { try? FieldPathPattern($0) }
        return ManifestDiff.compare(old: set(old), new: set(new), options: DiffOptions(ignores: patterns, roots: roots))
    }

    /// The field changes of every object, as `path kind` strings, for compact expectations.
    static func fieldSummary(_ report: DiffReport) -> [String] {
        report.objects.flatMap { object in object.fields.map { "\($0.path) \($0.kind.rawValue)" } }
    }

    /// The finding messages of every object.
    static func findingMessages(_ report: DiffReport) -> [String] {
        report.objects.flatMap { $0.findings.map(\.message) }
    }

    /// A Deployment with the given replicas, image, strategy block (indented for `spec:`) and selector label.
    static func deployment(replicas: Int? = 3, image: String = "nginx:1.25", strategy: String = "", app: String = "web")
        -> String
    {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
        \(replicas.map { "  replicas: \($0)" } ?? "")
        \(strategy)
          selector:
            matchLabels:
              app: \(app)
          template:
            metadata:
              labels:
                app: \(app)
            spec:
              containers:
              - name: web
                image: \(image)
        """
    }
}
