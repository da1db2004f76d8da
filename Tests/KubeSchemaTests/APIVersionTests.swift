import KubeSchema
import KubeTestSupport
import KubeYAML
import Testing

@Suite struct APIVersionTests {
    @Test func removedIngressAPIVersionIsAnErrorNamingReleaseAndReplacement() {
        let source = MarkedSource("""
            apiVersion: ↓extensions/v1beta1
            kind: Ingress
            metadata: {name: web}
            spec: {backend: {serviceName: web, servicePort: 80}}
            """)
        let found = SchemaTest.validate(source.text)
        #expect(found.map(\.rule) == ["api-version-removed"])
        #expect(found.first?.range?.start == source.locations.first)
        #expect(found.first?.message
            == "extensions/v1beta1 Ingress was removed in Kubernetes v1.22 (deprecated since v1.14); use networking.k8s.io/v1")
    }

    @Test func deprecatedAPIVersionIsAWarning() {
        let found = SchemaTest.validate("""
            apiVersion: storage.k8s.io/v1beta1
            kind: VolumeAttributesClass
            metadata: {name: gold}
            driverName: csi.example.com
            """, options: SchemaOptions(kubernetesVersion: "1.34"))
        #expect(found.map(\.rule) == ["api-version-deprecated"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("use storage.k8s.io/v1") == true)
    }

    @Test func aDeprecatedAPIVersionIsWordedAsTheAPIServersWarning() {
        let found = SchemaTest.validate("""
            apiVersion: storage.k8s.io/v1alpha1
            kind: VolumeAttributesClass
            metadata: {name: gold}
            driverName: csi.example.com
            """, options: SchemaOptions(kubernetesVersion: "1.33"))
        #expect(found.first { $0.rule == "api-version-deprecated" }?.message
            == "storage.k8s.io/v1alpha1 VolumeAttributesClass is deprecated in v1.31+, "
            + "unavailable in v1.35+; use storage.k8s.io/v1 VolumeAttributesClass")
    }

    @Test func apiVersionRemovedLaterIsOnlyDeprecatedInAnOlderRelease() {
        let text = """
            apiVersion: resource.k8s.io/v1beta1
            kind: DeviceClass
            metadata: {name: gpu}
            spec: {}
            """
        let old = SchemaTest.findings("api-version-deprecated", in: text, options: SchemaOptions(kubernetesVersion: "1.34"))
        let new = SchemaTest.findings("api-version-removed", in: text, options: SchemaOptions(kubernetesVersion: "1.36"))
        #expect(old.count == 1)
        #expect(new.count == 1)
    }

    @Test func unknownKubernetesVersionIsOnePositionlessError() {
        let found = SchemaTest.validate("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n",
                                        options: SchemaOptions(kubernetesVersion: "1.12"))
        #expect(found.count == 1)
        #expect(found.first?.range == nil)
        #expect(found.first?.message.contains("1.37") == true)
    }

    @Test(arguments: ["1.35", "v1.35", "1.35.2", "v1.35.0"])
    func versionSpellingsNormalize(_ spelling: String) throws {
        let registry = try SchemaRegistry(options: SchemaOptions(kubernetesVersion: spelling))
        #expect(registry.kubernetesVersion == "1.35")
    }

    @Test func newestBundledVersionIsTheDefault() throws {
        let registry = try SchemaRegistry(options: SchemaOptions())
        #expect(registry.kubernetesVersion == BundledSchemas.versions.last)
        #expect(BundledSchemas.versions.count >= 4)
    }
}
