import Foundation
import KubeDiff
import KubeModel
import KubeTestSupport
import KubeYAML
import Testing

/// `kubec diff` on the ingress-nginx cloud bundle at 8 releases (`../shared/corpus/ingress-nginx/versions/`).
///
/// The bundles are real upstream files. Every consecutive pair must diff cleanly; one pair (v1.11.0 →
/// v1.12.0) is checked against an expectation written by reading the two files side by side.
@Suite("ingress-nginx release series")
struct IngressNginxVersionsTests {
    /// The corpus folder: `RepositoryPaths.corpus`, or a `shared/corpus` beside any ancestor of the checkout
    /// (worktrees live one level deeper than the main checkout).
    static let versionsFolder: String? = {
        var candidates: [String] = []
        if let corpus = RepositoryPaths.corpus { candidates.append(corpus) }
        var url = URL(fileURLWithPath: RepositoryPaths.root)
        for _ in 0..<4 {
            url.deleteLastPathComponent()
            candidates.append(url.appendingPathComponent("shared/corpus").path)
        }
        return candidates.map { $0 + "/ingress-nginx/versions" }.first { FileManager.default.fileExists(atPath: $0) }
    }()

    static let releases = ["1.0.0", "1.5.1", "1.9.0", "1.11.0", "1.12.0", "1.13.0", "1.14.0", "1.15.0"]

    static func load(_ release: String) throws -> ManifestSet {
        let folder = try #require(versionsFolder)
        let path = "\(folder)/cloud-deploy-controller-v\(release).yaml"
        return ManifestSet.decode(YAMLLoader.load([.file(path)]))
    }

    static func diff(_ old: String, _ new: String) throws -> DiffReport {
        ManifestDiff.compare(old: try load(old), new: try load(new))
    }

    @Test(
        .enabled(if: versionsFolder != nil || RealTool.isCI, "the shared corpus is not beside this checkout"),
        arguments: zip(releases.dropLast(), releases.dropFirst()))
    func consecutiveReleasesDiffCleanly(old: String, new: String) throws {
        let report = try Self.diff(old, new)
        #expect(!report.hasInputErrors)
        #expect(report.hasDifferences)
        // Every release ships a new controller image, so the controller Deployment rolls out.
        let controller = report.objects.first {
            $0.identity.kind == "Deployment" && $0.identity.name == "ingress-nginx-controller"
        }
        #expect(controller?.rollout?.restarts == true)
        #expect(
            controller?.fields.contains {
                $0.path.description == "spec.template.spec.containers[name=controller].image"
            } == true)
        // JSON and text render without trouble and agree on the object count.
        #expect(DiffJSONRenderer.render(report).contains("\"modified\": \(report.summary.modified)"))
        #expect(DiffTextRenderer().render(report).hasSuffix("\n"))
    }

    /// What changed from v1.11.0 to v1.12.0, read off the two files.
    ///
    /// - every object but the Namespace carries `app.kubernetes.io/version: 1.11.0` → `1.12.0`, and the
    ///   Deployment and both Jobs carry it again in their pod template labels;
    /// - the controller ConfigMap drops `data: {allow-snippet-annotations: "false"}` (`data: null`);
    /// - the controller drops the argument `--enable-metrics=false` (the 10th), moves to image
    ///   controller:v1.12.0 and adds `securityContext.runAsGroup: 82`;
    /// - both admission Jobs move kube-webhook-certgen v1.4.1 → v1.5.0 and add `runAsGroup: 65532`; a Job's
    ///   template is immutable, so each update is refused;
    /// - the webhook's `clientConfig.service` gains `port: 443`, which is the API default: not a change.
    static let versionLabel = "metadata.labels[\"app.kubernetes.io/version\"] modified \"1.11.0\" → \"1.12.0\""
    static let templateLabel =
        "spec.template.metadata.labels[\"app.kubernetes.io/version\"] modified \"1.11.0\" → \"1.12.0\""
    static let certgen = "registry.k8s.io/ingress-nginx/kube-webhook-certgen"
    static let expected: [String: [String]] = [
        "ServiceAccount ingress-nginx/ingress-nginx": [versionLabel],
        "ServiceAccount ingress-nginx/ingress-nginx-admission": [versionLabel],
        "Role ingress-nginx/ingress-nginx": [versionLabel],
        "Role ingress-nginx/ingress-nginx-admission": [versionLabel],
        "ClusterRole ingress-nginx": [versionLabel],
        "ClusterRole ingress-nginx-admission": [versionLabel],
        "RoleBinding ingress-nginx/ingress-nginx": [versionLabel],
        "RoleBinding ingress-nginx/ingress-nginx-admission": [versionLabel],
        "ClusterRoleBinding ingress-nginx": [versionLabel],
        "ClusterRoleBinding ingress-nginx-admission": [versionLabel],
        "Service ingress-nginx/ingress-nginx-controller": [versionLabel],
        "Service ingress-nginx/ingress-nginx-controller-admission": [versionLabel],
        "IngressClass nginx": [versionLabel],
        "ValidatingWebhookConfiguration ingress-nginx-admission": [versionLabel],
        "ConfigMap ingress-nginx/ingress-nginx-controller": [
            "data removed {\"allow-snippet-annotations\": \"false\"} → -",
            versionLabel,
        ],
        "Deployment ingress-nginx/ingress-nginx-controller": [
            versionLabel, templateLabel,
            "spec.template.spec.containers[name=controller].args[9] removed \"--enable-metrics=false\" → -",
            "spec.template.spec.containers[name=controller].image modified "
                + "\"registry.k8s.io/ingress-nginx/controller:v1.11.0@sha256:a886e56d532d1388c77c8340261149d974370edca1093af4c97a96fb1467cb39\" → "
                + "\"registry.k8s.io/ingress-nginx/controller:v1.12.0@sha256:e6b8de175acda6ca913891f0f727bca4527e797d52688cbe9fec9040d6f6b6fa\"",
            "spec.template.spec.containers[name=controller].securityContext.runAsGroup added - → 82",
        ],
        "Job ingress-nginx/ingress-nginx-admission-create": [
            versionLabel, templateLabel,
            "spec.template.spec.containers[name=create].image modified "
                + "\"\(certgen):v1.4.1@sha256:36d05b4077fb8e3d13663702fa337f124675ba8667cbd949c03a8e8ea6fa4366\" → "
                + "\"\(certgen):v1.5.0@sha256:aaafd456bda110628b2d4ca6296f38731a3aaf0bf7581efae824a41c770a8fc4\"",
            "spec.template.spec.containers[name=create].securityContext.runAsGroup added - → 65532",
        ],
        "Job ingress-nginx/ingress-nginx-admission-patch": [
            versionLabel, templateLabel,
            "spec.template.spec.containers[name=patch].image modified "
                + "\"\(certgen):v1.4.1@sha256:36d05b4077fb8e3d13663702fa337f124675ba8667cbd949c03a8e8ea6fa4366\" → "
                + "\"\(certgen):v1.5.0@sha256:aaafd456bda110628b2d4ca6296f38731a3aaf0bf7581efae824a41c770a8fc4\"",
            "spec.template.spec.containers[name=patch].securityContext.runAsGroup added - → 65532",
        ],
    ]

    static func describe(_ change: FieldChange) -> String {
        func value(_ value: DiffValue?) -> String {
            guard let value else { return "-" }
            if case .map(let pairs) = value {
                return "{" + pairs.map { "\"\($0.key)\": \($0.value.inline(limit: 500))" }.joined(separator: ", ") + "}"
            }
            return value.inline(limit: 500)
        }
        return "\(change.path) \(change.kind.rawValue) \(value(change.old)) → \(value(change.new))"
    }

    @Test(.enabled(if: versionsFolder != nil || RealTool.isCI, "the shared corpus is not beside this checkout"))
    func release1_11To1_12MatchesTheHandWrittenExpectation() throws {
        let report = try Self.diff("1.11.0", "1.12.0")
        var actual: [String: [String]] = [:]
        for object in report.objects { actual[object.displayName] = object.fields.map(Self.describe).sorted() }
        #expect(Set(actual.keys) == Set(Self.expected.keys))
        for (name, changes) in Self.expected.sorted(by: { $0.key < $1.key }) {
            #expect(actual[name] == changes.sorted(), "\(name)")
        }
        #expect(report.summary.unchanged == 1)  // the Namespace
        #expect(report.summary.fieldChanges == 29)
        #expect(report.objects.allSatisfy { $0.change == .modified && $0.oldAPIVersion == nil })
    }

    @Test(.enabled(if: versionsFolder != nil || RealTool.isCI, "the shared corpus is not beside this checkout"))
    func release1_11To1_12RefusesBothJobTemplatesAndRollsTheController() throws {
        let report = try Self.diff("1.11.0", "1.12.0")
        let refused = report.objects.filter { object in object.findings.contains { $0.rule == "diff-forbidden-update" }
        }
        #expect(
            refused.map(\.displayName) == [
                "Job ingress-nginx/ingress-nginx-admission-create", "Job ingress-nginx/ingress-nginx-admission-patch",
            ])
        #expect(refused.allSatisfy { $0.findings.first?.path == "spec.template" })
        let rollout = try #require(report.objects.first { $0.identity.kind == "Deployment" }?.rollout)
        // replicas omitted (1); strategy RollingUpdate with maxUnavailable 1 and the default maxSurge 25%.
        #expect(rollout.maxUnavailable == .count(1) && rollout.maxSurge == .percent(25))
        #expect(RolloutTests.pairs(rollout.steps) == [[1, 0], [1, 1], [0, 1]])
    }

    @Test(.enabled(if: versionsFolder != nil || RealTool.isCI, "the shared corpus is not beside this checkout"))
    func wholeCorpusComparedWithItselfHasNoDifferences() throws {
        let corpus = try #require(Self.versionsFolder).replacingOccurrences(of: "/ingress-nginx/versions", with: "")
        let collected = InputCollector.collect([corpus])
        #expect(collected.inputs.count > 20)
        let set = ManifestSet.decode(YAMLLoader.load(collected.inputs))
        // The same files loaded and decoded a second time: nothing is shared but the bytes. (Same order: the
        // corpus holds the same objects in several files, and which duplicate pairs with which follows the order.)
        let reread = ManifestSet.decode(YAMLLoader.load(collected.inputs))
        let report = ManifestDiff.compare(old: set, new: reread)
        #expect(!report.hasDifferences)
        #expect(report.exitStatus(exitCode: true) == 0)
        #expect(report.summary.unchanged > 200)
    }
}
