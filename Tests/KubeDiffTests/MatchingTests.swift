import KubeDiff
import KubeYAML
import Testing

@Suite("Object matching")
struct MatchingTests {
    static let configMapA = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n"
    static let configMapB = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: {other: w}\n"

    @Test func identicalSetsHaveNoDifferences() {
        let report = DiffFixture.diff(Self.configMapA, Self.configMapA)
        #expect(!report.hasDifferences)
        #expect(report.summary.unchanged == 1)
    }

    @Test func documentOrderAndCountPerFileDoNotMatter() {
        let old = [("one.yaml", Self.configMapA + "---\n" + Self.configMapB)]
        let new = [("x.yaml", Self.configMapB), ("y.yaml", "---\n" + Self.configMapA + "---\n")]
        let report = DiffFixture.diff(old: old, new: new)
        #expect(!report.hasDifferences)
        #expect(report.summary.unchanged == 2)
    }

    @Test func objectMovingBetweenFilesIsNotAChangeButIsCounted() {
        let report = DiffFixture.diff(old: [("a.yaml", Self.configMapA)], new: [("b.yaml", Self.configMapA)])
        #expect(!report.hasDifferences)
        #expect(report.summary.moved == 1)
    }

    @Test func addedAndRemovedObjectsAreReported() {
        let report = DiffFixture.diff(Self.configMapA, Self.configMapB)
        #expect(report.objects.map(\.identity.name) == ["a", "b"])
        #expect(report.objects.map(\.change) == [.removed, .added])
        #expect(report.summary.added == 1 && report.summary.removed == 1)
    }

    @Test func apiVersionBumpOfSameGroupIsOneModifiedObject() {
        let old = "apiVersion: apps/v1beta2\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 2}\n"
        let new = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {replicas: 2}\n"
        let report = DiffFixture.diff(old, new)
        #expect(report.objects.count == 1)
        #expect(report.objects.first?.change == .modified)
        #expect(report.objects.first?.oldAPIVersion == "apps/v1beta2")
        #expect(report.objects.first?.fields.isEmpty == true)
        #expect(report.summary.apiVersionChanges == 1)
    }

    @Test func differentGroupIsADifferentObject() {
        let old = "apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata: {name: web}\n"
        let new = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\n"
        let report = DiffFixture.diff(old, new)
        #expect(report.summary.added == 1 && report.summary.removed == 1)
    }

    @Test func omittedNamespaceMatchesDefault() {
        let old = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"
        let new = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: default}\n"
        let report = DiffFixture.diff(old, new)
        #expect(!report.hasDifferences)
    }

    @Test func sameNameInAnotherNamespaceIsAnotherObject() {
        let old = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: one}\n"
        let new = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: two}\n"
        #expect(DiffFixture.diff(old, new).summary.added == 1)
    }

    @Test func generateNameObjectsPairInOrderAndNeverMatchANamedOne() {
        let job = { (image: String) in
            "apiVersion: batch/v1\nkind: Job\nmetadata: {generateName: migrate-}\nspec: {template: {spec: {containers: [{name: m, image: \(image)}]}}}\n"
        }
        let named = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: migrate-}\n"
        let report = DiffFixture.diff(
            job("a:1") + "---\n" + job("b:1"), job("a:1") + "---\n" + job("b:2") + "---\n" + named)
        #expect(report.summary.modified == 1)
        #expect(report.summary.added == 1)
        #expect(report.objects.first { $0.change == .modified }?.identity.isGenerated == true)
        #expect(report.objects.first { $0.change == .added }?.identity.isGenerated == false)
    }

    @Test func duplicateObjectOnOneSideWarnsAndComparesTheLast() {
        let old = Self.configMapA
        let new = Self.configMapA + "---\n" + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: w}\n"
        let report = DiffFixture.diff(old, new)
        #expect(report.diagnostics.map(\.rule) == ["diff-duplicate-object"])
        #expect(DiffFixture.fieldSummary(report) == ["data.k modified"])
    }

    @Test func objectsAreOrderedByGroupKindNamespaceName() {
        let new =
            Self.configMapB + "---\n" + "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: z}\n---\n"
            + Self.configMapA
        let report = DiffFixture.diff("", new)
        #expect(report.objects.map(\.identity.name) == ["a", "b", "z"])
    }
}
