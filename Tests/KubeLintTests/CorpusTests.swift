import Foundation
import KubeLint
import KubeModel
import KubeTestSupport
import KubeYAML
import Testing

/// No false positives: the demo set is clean, and every error on the real-world corpora is explained here.
struct CorpusTests {
    static var corpus: String? {
        if let found = RepositoryPaths.corpus { return found }
        return FileManager.default.fileExists(atPath: "/work/shared/corpus") ? "/work/shared/corpus" : nil
    }

    static func lint(_ paths: [String]) -> [Diagnostic] {
        let collected = InputCollector.collect(paths)
        return Linter.lint(ManifestSet.decode(YAMLLoader.load(collected.inputs)))
    }

    @Test func theDemoManifestsHaveNoErrorsOrWarnings() {
        let diagnostics = Self.lint([RepositoryPaths.manifests])
        let loud = diagnostics.filter { $0.severity >= .warning }
        #expect(loud.isEmpty, "\(loud.map { "\($0.rule): \($0.message)" })")
    }

    @Test func theDemoManifestsOnlyInfoIsTheRootFluentdAgent() {
        let infos = Self.lint([RepositoryPaths.manifests]).filter { $0.severity == .info }
        #expect(infos.map(\.rule) == ["run-as-root"])
        #expect(infos.first?.object?.name == "fluentd")
    }

    /// Why each error on kubernetes/examples is real. The corpus is ~100 independent examples in one tree,
    /// so linting it as one set finds the same names reused by different examples.
    static func explanation(_ diagnostic: Diagnostic) -> String? {
        let file = diagnostic.range?.file ?? ""
        switch diagnostic.rule {
        case "duplicate-object":
            // Two examples (or two variants of one) define the same object: applied together, one overwrites the other.
            return diagnostic.notes.first?.range?.file != file ? "independent examples reuse a name" : nil
        case "invalid-object-name", "invalid-label", "model-type-mismatch":
            // vitess ships templates with {{placeholders}} that a script fills in; applied as is, the API refuses them.
            return file.contains("storage/vitess/") ? "unfilled template placeholder" : nil
        case "invalid-container-port":
            // Protocols are case-sensitive: `tcp` is refused (`Unsupported value: "tcp"`).
            return diagnostic.message.contains("Unsupported value: \"tcp\"") ? "lower-case protocol" : nil
        case "yaml-duplicate-key":
            return "a key written twice (the last one wins in kubectl; strict decoding refuses it)"
        case "object-identity":
            // Not Kubernetes objects: scheduler policy and Cassandra config files inside the examples tree.
            return file.hasSuffix(".json") || file.contains("cassandra") ? "not a Kubernetes object" : nil
        default:
            return nil
        }
    }

    @Test(.enabled(if: corpus != nil || RealTool.isCI, "shared/corpus not found beside the checkout"))
    func everyErrorOnKubernetesExamplesIsExplained() throws {
        let root = try #require(Self.corpus) + "/kubernetes-examples"
        let errors = Self.lint([root]).filter { $0.severity == .error }
        #expect(!errors.isEmpty)
        for error in errors {
            #expect(Self.explanation(error) != nil, "unexplained: \(error.range?.file ?? ""):\(error.range?.start.line ?? 0) \(error.rule): \(error.message)")
        }
    }

    @Test(.enabled(if: corpus != nil || RealTool.isCI, "shared/corpus not found beside the checkout"))
    func everyIngressNginxInstallManifestIsFreeOfErrors() throws {
        let root = try #require(Self.corpus) + "/ingress-nginx"
        let files = try FileManager.default.subpathsOfDirectory(atPath: root)
            .filter { ($0.hasPrefix("deploy/static/provider/") && $0.hasSuffix("/deploy.yaml")) || $0.hasPrefix("versions/") }
        #expect(files.count > 5)
        for file in files.sorted() {
            let errors = Self.lint([root + "/" + file]).filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(file): \(errors.map { "\($0.rule): \($0.message)" })")
        }
    }

    @Test(.enabled(if: corpus != nil || RealTool.isCI, "shared/corpus not found beside the checkout"))
    func ingressNginxAsOneSetOnlyDuplicatesAlternativeRenderings() throws {
        let root = try #require(Self.corpus) + "/ingress-nginx"
        let errors = Self.lint([root]).filter { $0.severity == .error && $0.rule != "object-identity" }
        // Each provider folder and each versions/ file is a full install of the same objects.
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.rule == "duplicate-object" })
    }
}
