import Foundation
import KubeLint
import KubeModel
import KubeSchema
import KubeTestSupport
import KubeYAML
import Testing

/// Every file of the real-world corpus linted alone, as a user runs `kubec lint FILE` in a GitOps repository:
/// schema, rules and classification, with the kustomizations beside the file as the CLI reads them. The only
/// errors are those a real API server raises on the file applied as it is, each listed here with why.
@Suite(.enabled(if: CorpusTests.corpus != nil, "shared/corpus not found beside the checkout"))
struct CorpusFileByFileTests {
    /// File suffix, rule, and why the API server refuses it too.
    static let trueErrors: [(file: String, rule: String, why: String)] = [
        // Removed APIs (pluto's table): the API server has no such resource any more.
        ("initializer-config.yaml", "api-version-removed", "InitializerConfiguration: alpha, removed in 1.14"),
        ("cockroachdb/cockroachdb-statefulset.yaml", "api-version-removed", "policy/v1beta1 PDB, removed in 1.25"),
        ("newrelic-infrastructure/newrelic-infra-daemonset.yaml", "api-version-removed", "extensions DaemonSet, 1.16"),
        ("podsecuritypolicy/rbac/policies.yaml", "api-version-removed", "PodSecurityPolicy, removed in 1.25"),
        ("podsecuritypolicy/rbac/policies.yaml", "api-version-removed", "PodSecurityPolicy, removed in 1.25"),
        ("storageclass-account-hdd.yaml", "api-version-removed", "storage.k8s.io/v1beta1 StorageClass, 1.22"),
        ("storageclass-dedicated-hdd.yaml", "api-version-removed", "storage.k8s.io/v1beta1 StorageClass, 1.22"),
        ("storageclass-shared-hdd.yaml", "api-version-removed", "storage.k8s.io/v1beta1 StorageClass, 1.22"),
        ("storageclass-shared-ssd.yaml", "api-version-removed", "storage.k8s.io/v1beta1 StorageClass, 1.22"),
        ("storageclass-managed-hdd.yaml", "api-version-removed", "storage.k8s.io/v1beta1 StorageClass, 1.22"),
        ("storageclass-managed-ssd.yaml", "api-version-removed", "storage.k8s.io/v1beta1 StorageClass, 1.22"),
        ("volumes/flexvolume/deploy/ds.yaml", "api-version-removed", "extensions/v1beta1 DaemonSet, 1.16"),
        ("metrics-server/manifests/components/high-availability/pdb.yaml", "api-version-removed",
         "policy/v1beta1 PDB (the -1.21+ component patches it to policy/v1; the file itself is refused)"),
        // A key written twice: strict decoding (kubectl apply, server-side field validation) refuses it.
        ("openshift-origin/etcd-controller.yaml", "yaml-duplicate-key", "selector twice"),
        ("openshift-origin/etcd-discovery-controller.yaml", "yaml-duplicate-key", "selector twice"),
        ("openshift-origin/openshift-controller.yaml", "yaml-duplicate-key", "selector twice"),
        ("quobyte/quobyte-admin-secret.yaml", "yaml-duplicate-key", "type twice"),
        ("volumes/scaleio/sc-pvc.yaml", "yaml-duplicate-key", "storageClassName twice"),
        // Protocols are case-sensitive: `Unsupported value: "tcp"`.
        ("volumes/aws_ebs/aws-ebs-web.yaml", "invalid-container-port", "protocol tcp"),
        ("volumes/cinder/cinder-web.yaml", "invalid-container-port", "protocol tcp"),
        // Unknown fields (strict field validation): StorageClass parameters, a typo, fields that do not exist.
        ("volumes/rbd/rbd.yaml", "schema-unknown-field", "imageformat is a StorageClass parameter"),
        ("volumes/rbd/rbd.yaml", "schema-unknown-field", "imagefeatures is a StorageClass parameter"),
        ("volumes/scaleio/pod.yaml", "schema-unknown-field", "protectionDoamin: typo"),
        ("volumes/storageos/storageos-pod.yaml", "schema-unknown-field", "StorageOS volumes have no pool"),
        ("volumes/storageos/storageos-pv.yaml", "schema-unknown-field", "the PV source takes secretRef"),
        // `lun: <ADD LUN ID Here>`: a placeholder string where an integer is required.
        ("volumes/fibre_channel/fc.yaml", "schema-type", "placeholder"),
        // kube-scheduler policy files (`kind: Policy`, apiVersion v1, no name): no such API resource.
        ("scheduler-policy/scheduler-policy-config-with-extender.json", "object-identity", "not an API object"),
        ("scheduler-policy/scheduler-policy-config.json", "object-identity", "not an API object"),
        // metrics-server's kustomize base: the kustomization's commonLabels add the selector at build time;
        // applied as it is, the API server refuses a Deployment without one.
        ("metrics-server/manifests/base/deployment.yaml", "schema-required", "kustomize base, selector added"),
        ("metrics-server/manifests/base/deployment.yaml", "workload-selector-required", "the same, by the rule"),
    ]

    static func lintAlone(_ file: String) -> [Diagnostic] {
        let inputs: [InputCollector.Input] = [.file(file)]
        let context = YAMLLoader.load(InputCollector.kustomizationsBeside(inputs)).documents
        let set = ManifestSet.decode(YAMLLoader.load(inputs), context: context)
        let schema = SchemaValidator.prepare(set, options: SchemaOptions())
        return Linter.lint(set, additional: schema.catalogDiagnostics, alongside: { schema.validate($0) }, parallel: false)
    }

    @Test func everyFileLintedAloneHasOnlyTheListedTrueErrors() throws {
        let root = try #require(CorpusTests.corpus)
        let files = InputCollector.collect([root]).inputs.compactMap { input -> String? in
            guard case .file(let path) = input, !path.contains("/reference/") else { return nil }
            return path
        }
        #expect(files.count > 380)
        var expected = Self.trueErrors
        var unexpected: [String] = []
        for file in files {
            for error in Self.lintAlone(file) where error.severity == .error {
                if let index = expected.firstIndex(where: { file.hasSuffix($0.file) && $0.rule == error.rule }) {
                    expected.remove(at: index)
                } else {
                    unexpected.append("\(file):\(error.range?.start.line ?? 0) [\(error.rule)] \(error.message)")
                }
            }
        }
        #expect(unexpected.isEmpty, "\(unexpected.joined(separator: "\n"))")
        #expect(expected.isEmpty, "listed but not reported: \(expected.map { "\($0.file) \($0.rule)" })")
    }

    /// The rules that find a selector matching nothing: linted alone, a file's targets are usually elsewhere.
    static let selectsNothing: Set<String> = [
        "service-selector-matches-no-pod", "network-policy-selects-no-pod", "network-policy-peer-matches-nothing",
        "pdb-selects-no-pod",
    ]

    @Test func noFileLintedAloneWarnsThatASelectorMatchesNothing() throws {
        let root = try #require(CorpusTests.corpus)
        var loud: [String] = []
        var quiet = 0
        for case .file(let file) in InputCollector.collect([root]).inputs where !file.contains("/reference/") {
            for finding in Self.lintAlone(file) where Self.selectsNothing.contains(finding.rule) {
                if finding.severity == .info { quiet += 1 } else { loud.append("\(file): \(finding.message)") }
            }
        }
        #expect(loud.isEmpty, "\(loud.joined(separator: "\n"))")
        #expect(quiet > 0)
    }
}
