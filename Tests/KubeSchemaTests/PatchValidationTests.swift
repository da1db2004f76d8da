import KubeModel
import KubeSchema
import KubeYAML
import Testing

/// Strategic-merge patches: only the fields they set are checked, and patch directives are not fields.
struct PatchValidationTests {
    static func validate(_ text: String) -> [Diagnostic] {
        SchemaValidator.validate(
            ManifestSet.decode(YAMLLoader.load(text: text, file: "patch.yaml")), options: SchemaOptions())
    }

    static let patch = """
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

    @Test func aPatchMissingRequiredFieldsHasNoFinding() {
        #expect(Self.validate(Self.patch).isEmpty)
    }

    @Test func aFieldAPatchSetsIsStillChecked() {
        let found = Self.validate(Self.patch + "\n        imagePullPolicy: Sometimes\n")
        #expect(found.map(\.rule) == ["schema-enum"])
    }

    @Test func anUnknownFieldInAPatchIsStillAnError() {
        let found = Self.validate(Self.patch + "\n        imagePullpolicy: Always\n")
        #expect(found.map(\.rule) == ["schema-unknown-field"])
    }

    @Test func theRemovedInitializerConfigurationAPIIsReportedAsRemoved() {
        let found = Self.validate("""
            apiVersion: admissionregistration.k8s.io/v1alpha1
            kind: InitializerConfiguration
            metadata: {name: pvl}
            """)
        #expect(found.map(\.rule) == ["api-version-removed"])
        #expect(found.first?.message.contains("removed in Kubernetes v1.14") == true)
    }

    @Test func aRemovedAPIWithoutReplacementSaysWhatToUseInstead() {
        let found = Self.validate("""
            apiVersion: policy/v1beta1
            kind: PodSecurityPolicy
            metadata: {name: restricted}
            """)
        let message = found.first?.message ?? ""
        #expect(message.hasSuffix("use ") == false)
        #expect(message.contains("Pod Security Admission"))
    }
}
