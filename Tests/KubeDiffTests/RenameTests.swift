import KubeTestSupport
import KubeYAML
import Testing

@testable import KubeDiff

/// Objects renamed between the two sides (modelled on dyff's kubernetes/rename fixture: a kustomize
/// ConfigMap whose hash suffix changed with one line of its content).
@Suite("Renames")
struct RenameTests {
    static func configMap(_ name: String, extraLine: Bool) -> String {
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: \(name)
        data:
          agent.yaml: |
            discovery:
              url: null
            names:
        \(extraLine ? "      # a comment\n" : "")      servingSecret: agent-tls
              issuer: agent-config
            labels: {"app": "agent"}
        """
    }

    static func deployment(configMap: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: agent}
        spec:
          selector: {matchLabels: {app: agent}}
          template:
            metadata: {labels: {app: agent}}
            spec:
              containers: [{name: agent, image: agent:1}]
              volumes:
              - name: config
                configMap: {name: \(configMap)}
        """
    }

    @Test func hashSuffixedConfigMapIsPairedAndDiffed() throws {
        let report = DiffFixture.diff(
            Self.configMap("agent-config-9bfbmfgt2f", extraLine: false),
            Self.configMap("agent-config-296567ccmt", extraLine: true))
        #expect(report.objects.count == 1)
        let object = try #require(report.objects.first)
        #expect(object.change == .renamed)
        #expect(object.oldName == "agent-config-9bfbmfgt2f")
        #expect(DiffFixture.fieldSummary(report) == ["metadata.name modified", "data[\"agent.yaml\"] modified"])
        #expect(report.summary.renamed == 1 && report.summary.added == 0 && report.summary.removed == 0)
    }

    @Test func aLargeGroupPairsOnHashSuffixesAlone() {
        // More than `maxCandidates` a side: content is not compared, names with one kustomize base still pair.
        let count = RenameMatcher.maxCandidates + 6
        let old = (0..<count).map { Self.configMap("cm\($0)-9bfbmfgt2f", extraLine: false) }.joined(separator: "\n---\n")
        let new = (0..<count).map { Self.configMap("cm\($0)-296567ccmt", extraLine: true) }.joined(separator: "\n---\n")
        let report = DiffFixture.diff(old, new)
        #expect(report.summary.renamed == count && report.summary.added == 0 && report.summary.removed == 0)
        #expect(report.objects.allSatisfy { $0.oldName.map { RenameMatcher.hashBase($0) } == RenameMatcher.hashBase($0.identity.name) })
    }

    @Test func updatedReferencesAreListedOnTheRenamedObject() throws {
        let report = DiffFixture.diff(
            Self.configMap("agent-config-9bfbmfgt2f", extraLine: false) + "\n---\n"
                + Self.deployment(configMap: "agent-config-9bfbmfgt2f"),
            Self.configMap("agent-config-296567ccmt", extraLine: true) + "\n---\n"
                + Self.deployment(configMap: "agent-config-296567ccmt"))
        let renamed = try #require(report.objects.first { $0.change == .renamed })
        #expect(
            renamed.findings.map(\.message) == [
                "reference updated: Deployment default/agent spec.template.spec.volumes[name=config].configMap.name"
            ])
        #expect(report.objects.first { $0.identity.kind == "Deployment" }?.rollout?.restarts == true)
    }

    @Test func workloadStillReadingTheOldNameIsAWarning() throws {
        let report = DiffFixture.diff(
            Self.configMap("agent-config-9bfbmfgt2f", extraLine: false) + "\n---\n"
                + Self.deployment(configMap: "agent-config-9bfbmfgt2f"),
            Self.configMap("agent-config-296567ccmt", extraLine: true) + "\n---\n"
                + Self.deployment(configMap: "agent-config-9bfbmfgt2f"))
        let renamed = try #require(report.objects.first { $0.change == .renamed })
        #expect(
            renamed.findings.map(\.message) == [
                "Deployment default/agent still refers to the old name agent-config-9bfbmfgt2f: once the old "
                    + "ConfigMap is pruned, its new pods cannot start"
            ])
    }

    @Test func releaseRenameWithSameContentIsPaired() throws {
        let service = { (release: String) in
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: \(release)-web\n  labels: {release: \(release)}\nspec:\n"
                + "  selector: {app: web}\n  ports:\n  - {name: http, port: 80, targetPort: 8080}\n  - {name: metrics, port: 9090}\n"
        }
        let report = DiffFixture.diff(service("blue"), service("green"))
        #expect(report.objects.map(\.change) == [.renamed])
        #expect(report.objects.first?.oldName == "blue-web")
    }

    @Test func differentContentStaysAddedAndRemoved() {
        let old = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: \"1\", y: \"2\"}\n"
        let new = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {p: \"3\", q: \"4\"}\n"
        #expect(Set(DiffFixture.diff(old, new).objects.map(\.change)) == [.added, .removed])
    }

    @Test func objectsWithOnlyMetadataAreNeverPaired() {
        let old = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: a}\n"
        let new = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: b}\n"
        #expect(Set(DiffFixture.diff(old, new).objects.map(\.change)) == [.added, .removed])
    }

    @Test func hashBaseNeedsKustomizeAlphabetAndADigit() {
        #expect(RenameMatcher.hashBase("app-config-9bfbmfgt2f") == "app-config")
        #expect(RenameMatcher.hashBase("app-bookkeeper") == nil)
        #expect(RenameMatcher.hashBase("app-config-9bfbmfgt2a") == nil)
    }
}
