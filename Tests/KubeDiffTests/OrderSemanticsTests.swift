import KubeTestSupport
import KubeYAML
import Testing

@testable import KubeDiff

/// Lists whose order Kubernetes gives a meaning to, and keyed lists whose order it does not.
@Suite("Order semantics")
struct OrderSemanticsTests {
    static func deployment(containers: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
        \(containers)
        """
    }

    static func crd(versions: String, scope: String = "Namespaced", kind: String = "Widget") -> String {
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: \(scope)
          names: {kind: \(kind), plural: widgets, singular: widget, listKind: \(kind)List}
          versions:
        \(versions)
        """
    }

    static func version(_ name: String, storage: Bool, served: Bool = true, field: String = "size") -> String {
        """
          - name: \(name)
            served: \(served)
            storage: \(storage)
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      \(field): {type: integer}
        """
    }

    @Test func swappedContainersRollOut() throws {
        let a = "      - {name: app, image: app:1}\n      - {name: proxy, image: envoy:1}"
        let b = "      - {name: proxy, image: envoy:1}\n      - {name: app, image: app:1}"
        let report = DiffFixture.diff(Self.deployment(containers: a), Self.deployment(containers: b))
        #expect(DiffFixture.fieldSummary(report) == ["spec.template.spec.containers reordered"])
        let rollout = try #require(report.objects.first?.rollout)
        #expect(rollout.restarts)
    }

    @Test func reorderedEnvAroundAReferenceWarns() {
        let a =
            "      - name: app\n        env:\n        - {name: HOST, value: db}\n        - {name: URL, value: \"http://$(HOST)/x\"}"
        let b =
            "      - name: app\n        env:\n        - {name: URL, value: \"http://$(HOST)/x\"}\n        - {name: HOST, value: db}"
        let report = DiffFixture.diff(Self.deployment(containers: a), Self.deployment(containers: b))
        #expect(DiffFixture.fieldSummary(report) == ["spec.template.spec.containers[name=app].env reordered"])
        #expect(
            DiffFixture.findingMessages(report) == [
                "spec.template.spec.containers[name=app].env[name=URL]: $(HOST) no longer expands: HOST moved after URL, and a reference sees only earlier entries"
            ])
        #expect(report.objects.first?.rollout?.restarts == true)
    }

    @Test func escapedReferenceIsNotAReference() {
        #expect(EnvReferenceOrder.references(in: "$$(A) $(B) $(C") == ["B"])
    }

    @Test func reorderedVolumesInAPodTemplateRollOut() throws {
        let volumes = { (first: String, second: String) in
            "      - {name: app, image: app:1}\n      volumes:\n      - {name: \(first), emptyDir: {}}\n"
                + "      - {name: \(second), emptyDir: {}}"
        }
        let report = DiffFixture.diff(
            Self.deployment(containers: volumes("data", "tmp")), Self.deployment(containers: volumes("tmp", "data")))
        #expect(DiffFixture.fieldSummary(report) == ["spec.template.spec.volumes reordered"])
        #expect(try #require(report.objects.first?.rollout).restarts)
    }

    @Test func reorderedVolumesAreNotAChange() {
        let pod = { (volumes: String) in
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a}]\n  volumes:\n" + volumes
        }
        let a = pod("  - {name: data, emptyDir: {}}\n  - {name: tmp, emptyDir: {}}\n")
        let b = pod("  - {name: tmp, emptyDir: {}}\n  - {name: data, emptyDir: {}}\n")
        #expect(!DiffFixture.diff(a, b).hasDifferences)
    }

    @Test func crdVersionAddedInFrontIsOneAddition() {
        let old = Self.crd(versions: Self.version("v1alpha1", storage: true))
        let new = Self.crd(
            versions: Self.version("v1", storage: false) + "\n" + Self.version("v1alpha1", storage: true))
        let report = DiffFixture.diff(old, new)
        #expect(DiffFixture.fieldSummary(report) == ["spec.versions[name=v1] added"])
    }
}
