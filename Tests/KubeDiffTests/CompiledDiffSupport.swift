import Foundation
import KubeDiff
import KubeModel
import KubeTestSupport
import KubeYAML

/// The compiled diff fixtures (`Fixtures/Compiled/`): a three-worker cluster and a small app whose variants the
/// tests derive by replacing one value.
enum CompiledFixture {
    static let root = RepositoryPaths.fixture("KubeDiffTests", "Compiled")

    /// A fixture file's text (empty when missing, so the test fails on its expectations).
    static func text(_ name: String) -> String {
        (try? String(contentsOfFile: root + "/" + name, encoding: .utf8)) ?? ""
    }

    /// The app as written.
    static var app: String { text("app/shop.yaml") }

    /// The app with `old` replaced by `new`, exactly once.
    static func app(replacing old: String, with new: String) -> String {
        let text = app
        precondition(text.components(separatedBy: old).count == 2, "fixture must contain \(old) once")
        return text.replacingOccurrences(of: old, with: new)
    }

    /// The cluster folder as a set (its Nodes and Cluster document).
    static var cluster: ManifestSet {
        DiffFixture.set([
            ("cluster/nodes.yaml", text("cluster/nodes.yaml")), ("cluster/cluster.yaml", text("cluster/cluster.yaml")),
        ])
    }

    /// Node names of the cluster.
    static let nodes = ["worker-1", "worker-2", "worker-3"]

    /// The compiled diff of two versions of the app (each may add files, such as an extra Node).
    static func diff(old: [(String, String)], new: [(String, String)]) -> CompiledDiff {
        CompiledDiffer.compare(old: DiffFixture.set(old), new: DiffFixture.set(new), cluster: cluster, path: "cluster")
    }

    /// The compiled diff of two versions of the app file.
    static func diff(_ old: String, _ new: String) -> CompiledDiff {
        diff(old: [("old/shop.yaml", old)], new: [("new/shop.yaml", new)])
    }

    /// The demo set without its cluster folder, and the cluster folder, read from disk.
    static func demo() -> (set: ManifestSet, cluster: ManifestSet) {
        let folder = RepositoryPaths.manifests
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        let files = names.map {
            ("\(folder)/\($0)", (try? String(contentsOfFile: "\(folder)/\($0)", encoding: .utf8)) ?? "")
        }
        let clusterNames = ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/cluster")) ?? []).sorted()
        let cluster = clusterNames.map {
            ("\(folder)/cluster/\($0)", (try? String(contentsOfFile: "\(folder)/cluster/\($0)", encoding: .utf8)) ?? "")
        }
        return (DiffFixture.set(files), DiffFixture.set(cluster))
    }
}
