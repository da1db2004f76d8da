import KubeDiff
import KubeTestSupport
import KubeYAML
import Testing

/// CRD updates the API server refuses, and those it accepts that break clients or stored objects
/// (apiextensions-apiserver validation; messages word for word).
@Suite("CRD updates")
struct CRDUpdateTests {
    @Test func crdScopeChangeIsRefused() {
        let old = OrderSemanticsTests.crd(versions: OrderSemanticsTests.version("v1", storage: true))
        let new = OrderSemanticsTests.crd(versions: OrderSemanticsTests.version("v1", storage: true), scope: "Cluster")
        #expect(
            DiffFixture.findingMessages(DiffFixture.diff(old, new)) == [
                "spec.scope: Invalid value: \"Cluster\": field is immutable"
            ])
    }

    @Test func crdKindChangeIsRefused() {
        let old = OrderSemanticsTests.crd(versions: OrderSemanticsTests.version("v1", storage: true))
        let new = OrderSemanticsTests.crd(versions: OrderSemanticsTests.version("v1", storage: true), kind: "Gadget")
        #expect(
            DiffFixture.findingMessages(DiffFixture.diff(old, new)) == [
                "spec.names.kind: Invalid value: \"Gadget\": field is immutable"
            ])
    }

    @Test func removingTheStorageVersionIsRefused() {
        let old = OrderSemanticsTests.crd(
            versions: OrderSemanticsTests.version("v1alpha1", storage: true) + "\n"
                + OrderSemanticsTests.version("v1", storage: false))
        let new = OrderSemanticsTests.crd(versions: OrderSemanticsTests.version("v1", storage: true))
        #expect(
            DiffFixture.findingMessages(DiffFixture.diff(old, new)) == [
                "status.storedVersions[0]: Invalid value: \"v1alpha1\": must appear in spec.versions"
            ])
    }

    @Test func removingAServedVersionWarns() {
        let old = OrderSemanticsTests.crd(
            versions: OrderSemanticsTests.version("v1beta1", storage: false) + "\n"
                + OrderSemanticsTests.version("v1", storage: true))
        let new = OrderSemanticsTests.crd(versions: OrderSemanticsTests.version("v1", storage: true))
        let report = DiffFixture.diff(old, new)
        #expect(
            DiffFixture.findingMessages(report) == [
                "version v1beta1 is removed: requests for example.com/v1beta1 fail with 404"
            ])
        #expect(report.objects.first?.findings.first?.severity == .warning)
    }
}
