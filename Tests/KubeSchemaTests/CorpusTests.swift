import KubeModel
import KubeSchema
import KubeTestSupport
import KubeYAML
import Testing

/// kubec's schema stage over the real-world corpus (`../shared/corpus`): no crash, and every error is true.
@Suite(.enabled(if: RealTool.isCI || SchemaTest.corpus != nil, "needs ../shared/corpus beside the checkout"))
struct CorpusTests {
    /// Every schema error on the corpus, with why it is true. File suffix, rule, field path.
    static let expectedErrors: [(file: String, rule: String, path: String, why: String)] = [
        // admissionregistration.k8s.io/v1alpha1 InitializerConfiguration existed until 1.13 only (alpha, removed in 1.14).
        ("persistent-volume-label-initializer-config.yaml", "api-version-removed", "apiVersion", "API gone since 1.14"),
        // metrics-server's high-availability component ships a policy/v1beta1 PDB (gone since 1.25); its
        // `-1.21+` sibling patches it to policy/v1, but the file itself, applied, is refused.
        ("metrics-server/manifests/components/high-availability/pdb.yaml", "api-version-removed", "apiVersion", "v1beta1"),
        // metrics-server's kustomize base: the Deployment has no selector, which the kustomization's commonLabels
        // add at build time. Applied as it is (kubectl apply -f), the API server refuses it.
        ("metrics-server/manifests/base/deployment.yaml", "schema-required", "spec.selector", "kustomize base"),
        // `protocol: tcp`: the API server accepts only TCP, UDP and SCTP.
        ("volumes/aws_ebs/aws-ebs-web.yaml", "schema-enum", "spec.containers[0].ports[0].protocol", "lower case"),
        ("volumes/cinder/cinder-web.yaml", "schema-enum", "spec.containers[0].ports[0].protocol", "lower case"),
        // `lun: <ADD LUN ID Here>`: a placeholder string where an integer is required.
        ("volumes/fibre_channel/fc.yaml", "schema-type", "spec.volumes[0].fc.lun", "placeholder"),
        // imageformat/imagefeatures are StorageClass parameters of the RBD provisioner, not volume fields.
        ("volumes/rbd/rbd.yaml", "schema-unknown-field", "spec.volumes[0].rbd.imageformat", "not a field"),
        ("volumes/rbd/rbd.yaml", "schema-unknown-field", "spec.volumes[0].rbd.imagefeatures", "not a field"),
        // Typo of protectionDomain.
        ("volumes/scaleio/pod.yaml", "schema-unknown-field", "spec.volumes[0].scaleIO.protectionDoamin", "typo"),
        // StorageOS volumes have no pool, and the PV source takes secretRef, not secretName.
        ("volumes/storageos/storageos-pod.yaml", "schema-unknown-field", "spec.volumes[0].storageos.pool", "not a field"),
        ("volumes/storageos/storageos-pv.yaml", "schema-unknown-field", "spec.storageos.secretName", "secretRef"),
        // Removed APIs in `_archived/` (pluto's table): policy/v1beta1 PDB and PSP (1.25), extensions/v1beta1
        // DaemonSet (1.16), storage.k8s.io/v1beta1 StorageClass (1.22).
        ("cockroachdb/cockroachdb-statefulset.yaml", "api-version-removed", "apiVersion", "policy/v1beta1 PDB"),
        ("newrelic-infrastructure/newrelic-infra-daemonset.yaml", "api-version-removed", "apiVersion", "extensions"),
        ("podsecuritypolicy/rbac/policies.yaml", "api-version-removed", "apiVersion", "PSP removed in 1.25"),
        ("podsecuritypolicy/rbac/policies.yaml", "api-version-removed", "apiVersion", "PSP removed in 1.25"),
        ("account-specified-hdd/storageclass-account-hdd.yaml", "api-version-removed", "apiVersion", "v1beta1 SC"),
        ("dedicated-hdd/storageclass-dedicated-hdd.yaml", "api-version-removed", "apiVersion", "v1beta1 SC"),
        ("shared-hdd/storageclass-shared-hdd.yaml", "api-version-removed", "apiVersion", "v1beta1 SC"),
        ("shared-ssd/storageclass-shared-ssd.yaml", "api-version-removed", "apiVersion", "v1beta1 SC"),
        ("managed-hdd/storageclass-managed-hdd.yaml", "api-version-removed", "apiVersion", "v1beta1 SC"),
        ("managed-ssd/storageclass-managed-ssd.yaml", "api-version-removed", "apiVersion", "v1beta1 SC"),
        ("volumes/flexvolume/deploy/ds.yaml", "api-version-removed", "apiVersion", "extensions/v1beta1 DaemonSet"),
    ]

    static func corpusFindings() throws -> (set: ManifestSet, found: [Diagnostic]) {
        let corpus = try #require(SchemaTest.corpus)
        let set = ManifestSet.decode(YAMLLoader.load(InputCollector.collect([corpus]).inputs))
        return (set, SchemaValidator.validate(set, options: SchemaOptions()))
    }

    @Test func everyErrorOnTheCorpusIsAKnownTrueFinding() throws {
        let (set, found) = try Self.corpusFindings()
        #expect(set.manifests.count > 500)
        var expected = Self.expectedErrors
        var unexpected: [String] = []
        for diagnostic in found where diagnostic.severity == .error {
            let file = diagnostic.range?.file ?? ""
            if let index = expected.firstIndex(where: {
                file.hasSuffix($0.file) && $0.rule == diagnostic.rule && $0.path == diagnostic.path
            }) {
                expected.remove(at: index)
            } else {
                unexpected.append("\(file): [\(diagnostic.rule)] \(diagnostic.path ?? ""): \(diagnostic.message)")
            }
        }
        #expect(unexpected.isEmpty, "\(unexpected.joined(separator: "\n"))")
        #expect(expected.isEmpty, "expected but not reported: \(expected.map { "\($0.file) \($0.path)" })")
    }

    @Test func currentIngressNginxBundlesHaveNoSchemaErrors() throws {
        let (_, found) = try Self.corpusFindings()
        let errors = found.filter { $0.severity == .error && ($0.range?.file.contains("/ingress-nginx/") ?? false) }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
    }
}
