import KubeDiff
import KubeYAML
import Testing

@Suite("Updates the API server refuses")
struct ImmutabilityTests {
    static func forbidden(_ report: DiffReport) -> [Diagnostic] {
        report.objects.flatMap(\.findings).filter { $0.rule == "diff-forbidden-update" }
    }

    static func workload(_ kind: String, app: String, extraSpec: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: \(kind)
        metadata: {name: w}
        spec:
          selector:
            matchLabels: {app: \(app)}
        \(extraSpec)
          template:
            metadata: {labels: {app: \(app)}}
            spec: {containers: [{name: c, image: i}]}
        """
    }

    @Test(arguments: ["Deployment", "ReplicaSet", "DaemonSet"])
    func selectorIsImmutable(kind: String) throws {
        let report = DiffFixture.diff(Self.workload(kind, app: "a"), Self.workload(kind, app: "b"))
        let finding = try #require(Self.forbidden(report).first)
        #expect(
            finding.message == "spec.selector: Invalid value: {\"matchLabels\":{\"app\":\"b\"}}: field is immutable")
        #expect(finding.hint == "needs delete and recreate")
        #expect(finding.severity == .error)
        #expect(finding.path == "spec.selector")
        #expect(finding.range?.file == "new.yaml")
    }

    @Test func deploymentTemplateChangeIsAllowed() {
        let report = DiffFixture.diff(DiffFixture.deployment(image: "a:1"), DiffFixture.deployment(image: "a:2"))
        #expect(Self.forbidden(report).isEmpty)
    }

    @Test func statefulSetVolumeClaimTemplatesChangeIsForbiddenWithANoteNamingIt() throws {
        let claim = { (size: String) in
            "  serviceName: db\n  volumeClaimTemplates:\n  - metadata: {name: data}\n    spec: {resources: {requests: {storage: \(size)}}}"
        }
        let report = DiffFixture.diff(
            Self.workload("StatefulSet", app: "db", extraSpec: claim("1Gi")),
            Self.workload("StatefulSet", app: "db", extraSpec: claim("2Gi")))
        let finding = try #require(Self.forbidden(report).first)
        #expect(
            finding.message
                == "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
        )
        #expect(
            finding.notes.map(\.message) == ["changed: spec.volumeClaimTemplates[0].spec.resources.requests.storage"])
    }

    @Test func statefulSetMutableFieldsAreAllowed() {
        let a = Self.workload(
            "StatefulSet", app: "db", extraSpec: "  replicas: 1\n  minReadySeconds: 0\n  revisionHistoryLimit: 3")
        let b = Self.workload(
            "StatefulSet", app: "db",
            extraSpec:
                "  replicas: 3\n  minReadySeconds: 5\n  revisionHistoryLimit: 5\n  updateStrategy: {type: OnDelete}")
        #expect(Self.forbidden(DiffFixture.diff(a, b)).isEmpty)
    }

    @Test func statefulSetServiceNameChangeIsForbidden() {
        let a = Self.workload("StatefulSet", app: "db", extraSpec: "  serviceName: db")
        let b = Self.workload("StatefulSet", app: "db", extraSpec: "  serviceName: db-headless")
        #expect(Self.forbidden(DiffFixture.diff(a, b)).count == 1)
    }

    static func job(image: String, suspend: Bool = false, nodeSelector: String = "{}") -> String {
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate}
        spec:
          suspend: \(suspend)
          template:
            spec:
              nodeSelector: \(nodeSelector)
              restartPolicy: Never
              containers: [{name: m, image: \(image)}]
        """
    }

    @Test func jobTemplateIsImmutable() throws {
        let report = DiffFixture.diff(Self.job(image: "m:1"), Self.job(image: "m:2"))
        let finding = try #require(Self.forbidden(report).first)
        #expect(finding.message.hasPrefix("spec.template: Invalid value: "))
        #expect(finding.message.hasSuffix(": field is immutable"))
        #expect(finding.notes.map(\.message) == ["changed: spec.template.spec.containers[name=m].image"])
    }

    @Test func suspendedJobSchedulingDirectivesChangeIsOnlyACaveat() {
        let report = DiffFixture.diff(
            Self.job(image: "m:1", suspend: true, nodeSelector: "{zone: a}"),
            Self.job(image: "m:1", suspend: true, nodeSelector: "{zone: b}"))
        #expect(Self.forbidden(report).isEmpty)
        #expect(report.objects.flatMap(\.findings).map(\.rule) == ["diff-update-caveat"])
    }

    @Test func jobSelectorIsImmutable() {
        let job = { (value: String) in
            "apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  manualSelector: true\n  selector: {matchLabels: {run: \(value)}}\n"
        }
        #expect(
            DiffFixture.findingMessages(DiffFixture.diff(job("a"), job("b")))
                == ["spec.selector: Invalid value: {\"matchLabels\":{\"run\":\"b\"}}: field is immutable"])
    }

    static func service(_ spec: String) -> String {
        "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n\(spec)"
    }

    @Test func clusterIPMayNotChangeOnceSet() {
        let report = DiffFixture.diff(
            Self.service("  clusterIP: 10.96.0.5\n"), Self.service("  clusterIP: 10.96.0.6\n"))
        #expect(
            DiffFixture.findingMessages(report) == [
                "spec.clusterIPs[0]: Invalid value: [\"10.96.0.6\"]: may not change once set"
            ])
        #expect(Self.forbidden(report).first?.hint == "needs delete and recreate")
    }

    @Test func allocatedClusterIPToHeadlessIsForbidden() {
        let report = DiffFixture.diff(
            Self.service("  ports: [{port: 80}]\n"), Self.service("  clusterIP: None\n  ports: [{port: 80}]\n"))
        #expect(
            DiffFixture.findingMessages(report) == [
                "spec.clusterIPs[0]: Invalid value: [\"None\"]: may not change once set"
            ])
    }

    @Test func headlessToAddressIsForbidden() {
        let report = DiffFixture.diff(Self.service("  clusterIP: None\n"), Self.service("  clusterIP: 10.96.0.9\n"))
        #expect(Self.forbidden(report).count == 1)
    }

    @Test func droppingHeadlessIsACaveatNotAnError() {
        let report = DiffFixture.diff(
            Self.service("  clusterIP: None\n  ports: [{port: 80}]\n"), Self.service("  ports: [{port: 80}]\n"))
        #expect(Self.forbidden(report).isEmpty)
        #expect(report.objects.flatMap(\.findings).map(\.rule) == ["diff-update-caveat"])
    }

    @Test func typeChangeToExternalNameSkipsClusterIPChecks() {
        let report = DiffFixture.diff(
            Self.service("  clusterIP: 10.96.0.5\n"),
            Self.service("  type: ExternalName\n  externalName: db.example.com\n"))
        #expect(report.objects.flatMap(\.findings).isEmpty)
    }

    @Test func clusterIPToNodePortKeepingTheIPIsAllowed() {
        let report = DiffFixture.diff(
            Self.service("  clusterIP: 10.96.0.5\n"), Self.service("  type: NodePort\n  clusterIP: 10.96.0.5\n"))
        #expect(report.objects.flatMap(\.findings).isEmpty)
    }

    static func claim(_ storage: String, mode: String = "ReadWriteOnce", className: String = "fast") -> String {
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec:\n  accessModes: [\(mode)]\n  storageClassName: \(className)\n  resources: {requests: {storage: \(storage)}}\n"
    }

    @Test func claimMayGrow() {
        #expect(DiffFixture.findingMessages(DiffFixture.diff(Self.claim("1Gi"), Self.claim("1500Mi"))).isEmpty)
    }

    @Test func claimMayNotShrink() {
        #expect(
            DiffFixture.findingMessages(DiffFixture.diff(Self.claim("2Gi"), Self.claim("2000M")))
                == ["spec.resources.requests.storage: Forbidden: field can not be less than status.capacity"])
    }

    @Test func claimSpecBeyondRequestsIsImmutable() throws {
        let report = DiffFixture.diff(Self.claim("1Gi"), Self.claim("1Gi", className: "slow"))
        let finding = try #require(Self.forbidden(report).first)
        #expect(
            finding.message
                == "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"
        )
        #expect(finding.notes.map(\.message) == ["changed: spec.storageClassName"])
    }

    @Test func immutableConfigMapDataMayNotChange() {
        let a = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nimmutable: true\ndata: {k: v}\n"
        let b = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nimmutable: true\ndata: {k: w}\n"
        #expect(
            DiffFixture.findingMessages(DiffFixture.diff(a, b)) == [
                "data: Forbidden: field is immutable when `immutable` is set"
            ])
    }

    @Test func mutableConfigMapDataMayChange() {
        let a = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: v}\n"
        let b = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nimmutable: true\ndata: {k: w}\n"
        #expect(DiffFixture.findingMessages(DiffFixture.diff(a, b)).isEmpty)
    }

    @Test func immutableSecretCompareDataAndStringDataAsStored() {
        let a = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nimmutable: true\ndata: {password: aHVudGVyMg==}\n"
        let same =
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nimmutable: true\nstringData: {password: hunter2}\n"
        let changed =
            "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nimmutable: true\nstringData: {password: hunter3}\n"
        #expect(DiffFixture.findingMessages(DiffFixture.diff(a, same)).isEmpty)
        #expect(
            DiffFixture.findingMessages(DiffFixture.diff(a, changed)) == [
                "data: Forbidden: field is immutable when `immutable` is set"
            ])
    }

    @Test func secretTypeIsImmutable() {
        let a = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: Opaque\n"
        let b = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: kubernetes.io/tls\n"
        #expect(
            DiffFixture.findingMessages(DiffFixture.diff(a, b)) == [
                "type: Invalid value: \"kubernetes.io/tls\": field is immutable"
            ])
    }

    @Test func roleBindingRoleRefCannotChange() {
        let binding = { (role: String) in
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: b}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: \(role)}\n"
        }
        #expect(
            DiffFixture.findingMessages(DiffFixture.diff(binding("a"), binding("b")))
                == [
                    "roleRef: Invalid value: {\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"Role\",\"name\":\"b\"}: cannot change roleRef"
                ])
    }

    @Test func ignoringAFieldNeverHidesARefusal() {
        let report = DiffFixture.diff(
            Self.workload("Deployment", app: "a"), Self.workload("Deployment", app: "b"), ignores: ["spec"])
        #expect(Self.forbidden(report).count == 1)
        #expect(report.objects.first?.fields.isEmpty == true)
    }
}
