import Foundation
import KubeTestSupport
import Testing

/// `kubec rules` names every id a report may carry (the migration map), and `--enable`/`--disable` accept the
/// check names of other linters, on the binary.
@Suite(.enabled(if: RealTool.isCI || KubecProcess.binaryExists, "kubec binary not built: run `swift build` first"))
struct RuleCatalogCoverageTests {
    private let badFiles: [String: String] = [
        "syntax.yaml": "a: [1, 2\n",
        "duplicate.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n",
        "nokind.yaml": "apiVersion: v1\nmetadata: {name: x}\n",
        "removed.yaml": """
            apiVersion: extensions/v1beta1
            kind: Deployment
            metadata: {name: old}
            spec:
              template:
                metadata: {labels: {app: old}}
                spec: {containers: [{name: c, image: "nginx:latest"}]}
            """,
        "schema.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: [1]}\nspecs: {}\n",
        "template.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Values.name }}\n",
        "kustomization.yaml": "resources: [schema.yaml]\n",
        "rbac.yaml": """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: b, namespace: a}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: missing}
            subjects: [{kind: ServiceAccount, name: bot}]
            """,
        "pod.yaml": """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: a}
            spec:
              containers:
              - name: c
                image: nginx:latest
                ports: [{containerPort: 99999}]
                resources: {requests: {cpu: lots}}
            """,
    ]

    private func folder(_ files: [String: String]) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-map-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8) }
        return dir
    }

    private func catalogueIDs() throws -> Set<String> {
        let run = try KubecProcess.run(["rules", "--output", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rules = try #require(json["rules"] as? [[String: Any]])
        return Set(rules.compactMap { $0["id"] as? String })
    }

    @Test func everyIDABadInputProducesIsInTheCatalogue() throws {
        let dir = try folder(badFiles)
        let run = try KubecProcess.run(["lint", "--output", "json", "."], directory: dir)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let emitted = Set(diagnostics.compactMap { $0["rule"] as? String })
        // The input does reach every stage: the test would pass vacuously otherwise.
        for stage in ["yaml-syntax", "yaml-duplicate-key", "object-identity", "api-version-removed"] {
            #expect(emitted.contains(stage), "\(emitted.sorted())")
        }
        let unlisted = emitted.subtracting(try catalogueIDs()).sorted()
        #expect(unlisted.isEmpty, "\(unlisted)")
    }

    @Test func rulesTextListsTheStagesBeforeLinting() throws {
        let run = try KubecProcess.run(["rules"])
        #expect(run.stdout.contains("api-version-removed"))
        #expect(run.stdout.contains("schema (before linting):"))
    }

    @Test func disableAcceptsAKubeLinterCheckName() throws {
        let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: \"nginx:latest\"}]}\n"
        let dir = try folder(["pod.yaml": pod])
        let before = try KubecProcess.run(["lint", "--output", "json", "pod.yaml"], directory: dir)
        #expect(before.stdout.contains("\"rule\": \"image-tag-latest\""))
        let run = try KubecProcess.run(["lint", "--output", "json", "--disable", "latest-tag", "pod.yaml"], directory: dir)
        #expect(!run.stdout.contains("\"rule\": \"image-tag-latest\""), "\(run.stdout)")
    }
}
