import KubeModel
import KubeYAML
import Testing

/// What a GitOps repository holds besides objects: each shape is recognised, skipped or kept apart, and said once.
struct DocumentClassifierTests {
    static func decode(_ files: [(String, String)], context: [(String, String)] = []) -> ManifestSet {
        let load = YAMLLoader.load(files.map { SourceFile(path: $0.0, text: $0.1) })
        let contextDocuments = YAMLLoader.load(context.map { SourceFile(path: $0.0, text: $0.1) }).documents
        return ManifestSet.decode(load, context: contextDocuments)
    }

    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          template:
            spec:
              containers:
              - name: web
                resources:
                  $patch: delete
        """

    @Test func aKustomizationFileIsSkippedWithOneInfoLine() {
        let set = Self.decode([("app/kustomization.yaml", "resources:\n- deployment.yaml\ncommonLabels:\n  app: web\n")])
        #expect(set.manifests.isEmpty)
        #expect(set.diagnostics.map(\.rule) == ["kustomization-file"])
        #expect(set.diagnostics.first?.severity == .info)
    }

    @Test func aComponentDocumentIsSkippedWhateverTheFileName() {
        let set = Self.decode([("c.yaml", "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n")])
        #expect(set.manifests.isEmpty)
        #expect(set.diagnostics.map(\.rule) == ["kustomization-file"])
    }

    @Test func helmValuesWithoutApiVersionAndKindAreSkippedAsInfo() {
        let set = Self.decode([("values.yaml", "replicaCount: 2\nimage:\n  tag: v1\n")])
        #expect(set.manifests.isEmpty)
        #expect(set.diagnostics.map(\.rule) == ["not-an-object"])
        #expect(set.diagnostics.allSatisfy { $0.severity == .info })
    }

    @Test func aDocumentMissingOnlyItsKindIsStillAnError() {
        let set = Self.decode([("x.yaml", "apiVersion: v1\nmetadata:\n  name: a\n")])
        #expect(set.diagnostics.map(\.rule) == ["object-identity"])
        #expect(set.diagnostics.first?.severity == .error)
    }

    @Test func aJSONPatchListIsRecognisedAndSkipped() {
        let set = Self.decode([("patch.yaml", "- op: replace\n  path: /apiVersion\n  value: policy/v1\n")])
        #expect(set.manifests.isEmpty)
        #expect(set.diagnostics.map(\.rule) == ["not-an-object"])
        #expect(set.diagnostics.first?.message.contains("JSON patch") == true)
    }

    @Test func anObjectWithAPatchDirectiveIsAPatchNotAnObject() {
        let set = Self.decode([("patch.yaml", Self.deployment)])
        #expect(set.manifests.isEmpty)
        #expect(set.patches.map(\.identity.name) == ["web"])
        #expect(set.diagnostics.map(\.rule) == ["patch-document"])
    }

    @Test func aPartialObjectNamedByAKustomizationBesideItIsAPatch() {
        let partial = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n"
        let set = Self.decode(
            [("overlay/replicas.yaml", partial)],
            context: [("overlay/kustomization.yaml", "patches:\n- path: ./replicas.yaml\n")])
        #expect(set.manifests.isEmpty)
        #expect(set.patches.count == 1)
    }

    @Test func theSameObjectNotNamedByAnyKustomizationStaysAnObject() {
        let partial = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n"
        let set = Self.decode(
            [("overlay/replicas.yaml", partial)],
            context: [("overlay/kustomization.yaml", "resources:\n- replicas.yaml\n")])
        #expect(set.manifests.count == 1)
        #expect(set.patches.isEmpty)
    }

    static let replicasPatch = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n"

    /// An input kustomization in a file not named as one is found by its apiVersion (the byte scan that spares
    /// the other files' roots must see its group).
    @Test func aKustomizationInAnyFileNameNamesItsPatches() {
        let kustomization = "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatches:\n- path: replicas.yaml\n"
        let set = Self.decode([("overlay/k.yaml", kustomization), ("overlay/replicas.yaml", Self.replicasPatch)])
        #expect(set.manifests.isEmpty)
        #expect(set.patches.count == 1)
    }

    /// The same with the group spelled through a double-quoted escape: no byte run of the file spells it.
    @Test func aKustomizationWhoseGroupIsEscapedNamesItsPatches() {
        let kustomization =
            "apiVersion: \"kustomize\\x2Econfig.k8s.io/v1beta1\"\nkind: Kustomization\npatches:\n- path: replicas.yaml\n"
        let set = Self.decode([("overlay/k.yaml", kustomization), ("overlay/replicas.yaml", Self.replicasPatch)])
        #expect(set.manifests.isEmpty)
        #expect(set.patches.count == 1)
    }

    @Test func anUnrenderedTemplateIsOneWarningForTheWholeFile() {
        let template = """
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: etcd-{{cell}}
            spec:
              replicas: {{replicas}}
              template:
                metadata:
                  labels:
                    cell: {{cell}}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: etcd-{{cell}}
            """
        let set = Self.decode([("etcd-template.yaml", template)])
        #expect(set.manifests.isEmpty)
        #expect(set.diagnostics.map(\.rule) == ["template-not-rendered"])
        #expect(set.diagnostics.first?.severity == .warning)
        #expect(set.diagnostics.first?.range?.start.line == 4)
    }

    @Test func aHelmTemplateThatIsNotYAMLIsOneWarningNotASyntaxError() {
        let template = "{{- if .Values.enabled }}\napiVersion: v1\nkind: ConfigMap\n{{- end }}\n"
        let set = Self.decode([("templates/cm.yaml", template)])
        #expect(set.diagnostics.map(\.rule) == ["template-not-rendered"])
    }

    @Test func goTemplateTextInsideStringValuesIsNotATemplateFile() {
        let rule = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: alerts
            data:
              summary: "{{ $labels.instance }} is down"
            """
        let set = Self.decode([("alerts.yaml", rule)])
        #expect(set.manifests.count == 1)
        #expect(set.diagnostics.isEmpty)
    }
}
