import KubeDiff
import KubeTestSupport
import KubeYAML
import Testing

@Suite("Field diff")
struct FieldDiffTests {
    static func pod(containers: String, extra: String = "") -> String {
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n\(containers)\(extra)"
    }

    @Test func scalarChangeHasPathValuesAndBothPositions() throws {
        let old = MarkedSource("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  mode: ↓fast\n")
        let new = MarkedSource(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n  extra: x\n  mode: ↓slow\n")
        let report = DiffFixture.diff(old.text, new.text)
        let change = try #require(report.objects.first?.fields.first { $0.path.description == "data.mode" })
        #expect(change.kind == .modified)
        #expect(change.old == .scalar(text: "fast", type: .string))
        #expect(change.new == .scalar(text: "slow", type: .string))
        #expect(change.oldRange?.start == old.locations[0])
        #expect(change.newRange?.start == new.locations[0])
        #expect(change.oldRange?.file == "old.yaml" && change.newRange?.file == "new.yaml")
    }

    @Test func reorderingContainersIsOneReorderChange() {
        let a = "  - {name: web, image: nginx}\n  - {name: sidecar, image: envoy}\n"
        let b = "  - {name: sidecar, image: envoy}\n  - {name: web, image: nginx}\n"
        let report = DiffFixture.diff(Self.pod(containers: a), Self.pod(containers: b))
        #expect(DiffFixture.fieldSummary(report) == ["spec.containers reordered"])
        let change = report.objects.first?.fields.first
        #expect(change?.old == .list([.scalar(text: "web", type: .string), .scalar(text: "sidecar", type: .string)]))
    }

    @Test func containerFieldPathUsesItsName() {
        let a = "  - {name: sidecar, image: envoy}\n  - {name: web, image: nginx:1.25}\n"
        let b = "  - {name: sidecar, image: envoy}\n  - {name: web, image: nginx:1.27}\n"
        let report = DiffFixture.diff(Self.pod(containers: a), Self.pod(containers: b))
        #expect(DiffFixture.fieldSummary(report) == ["spec.containers[name=web].image modified"])
    }

    @Test func changingOneEnvVarIsOneChange() {
        let env = { (level: String) in
            "  - name: web\n    image: nginx\n    env:\n    - {name: A, value: \"1\"}\n    - {name: LEVEL, value: \(level)}\n    - {name: Z, value: \"26\"}\n"
        }
        let report = DiffFixture.diff(Self.pod(containers: env("info")), Self.pod(containers: env("debug")))
        #expect(DiffFixture.fieldSummary(report) == ["spec.containers[name=web].env[name=LEVEL].value modified"])
    }

    @Test func addingAnEnvVarInTheMiddleIsOneAddition() {
        let a = "  - name: web\n    env:\n    - {name: A, value: a}\n    - {name: C, value: c}\n"
        let b =
            "  - name: web\n    env:\n    - {name: A, value: a}\n    - {name: B, value: b}\n    - {name: C, value: c}\n"
        let report = DiffFixture.diff(Self.pod(containers: a), Self.pod(containers: b))
        #expect(DiffFixture.fieldSummary(report) == ["spec.containers[name=web].env[name=B] added"])
    }

    @Test func volumeMountsAreKeyedByMountPath() {
        let a =
            "  - name: web\n    volumeMounts:\n    - {name: data, mountPath: /data}\n    - {name: tmp, mountPath: /tmp}\n"
        let b =
            "  - name: web\n    volumeMounts:\n    - {name: tmp, mountPath: /tmp, readOnly: true}\n    - {name: data, mountPath: /data}\n"
        let report = DiffFixture.diff(Self.pod(containers: a), Self.pod(containers: b))
        #expect(
            DiffFixture.fieldSummary(report) == [
                "spec.containers[name=web].volumeMounts[mountPath=/tmp].readOnly added"
            ])
    }

    @Test func containerPortsAreKeyedByPortAndDefaultProtocol() {
        let a = "  - name: web\n    ports:\n    - {containerPort: 80}\n    - {containerPort: 53, protocol: UDP}\n"
        let b =
            "  - name: web\n    ports:\n    - {containerPort: 53, protocol: UDP}\n    - {containerPort: 80, protocol: TCP, name: http}\n"
        let report = DiffFixture.diff(Self.pod(containers: a), Self.pod(containers: b))
        #expect(
            DiffFixture.fieldSummary(report) == [
                "spec.containers[name=web].ports[containerPort=80,protocol=TCP].name added"
            ])
    }

    @Test func servicePortsAreKeyedByPortAndProtocolWithTargetPortDefault() {
        let service = { (ports: String) in
            "apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n\(ports)"
        }
        let a = service("  - {port: 80, targetPort: 80}\n  - {port: 443, protocol: TCP}\n")
        let b = service("  - {port: 443}\n  - {port: 80}\n")
        #expect(!DiffFixture.diff(a, b).hasDifferences)
    }

    @Test func listsWithoutMergeKeyKeepTheirOrder() {
        let pod = { (tolerations: String) in
            Self.pod(containers: "  - name: web\n", extra: "  tolerations:\n" + tolerations)
        }
        let report = DiffFixture.diff(
            pod("  - {key: a, operator: Exists}\n  - {key: b, operator: Exists}\n"),
            pod("  - {key: b, operator: Exists}\n  - {key: a, operator: Exists}\n"))
        #expect(DiffFixture.fieldSummary(report) == ["spec.tolerations[0] removed", "spec.tolerations[1] added"])
    }

    @Test func insertingARuleIsOneAddition() {
        let role = { (rules: String) in
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules:\n" + rules
        }
        let read = "- {apiGroups: [\"\"], resources: [pods], verbs: [get]}\n"
        let write = "- {apiGroups: [\"\"], resources: [secrets], verbs: [create]}\n"
        let watch = "- {apiGroups: [apps], resources: [deployments], verbs: [watch]}\n"
        let report = DiffFixture.diff(role(read + watch), role(read + write + watch))
        #expect(DiffFixture.fieldSummary(report) == ["rules[1] added"])
    }

    @Test func changedRuleInPlaceIsComparedFieldByField() {
        let role = { (verb: String) in
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules:\n- {apiGroups: [\"\"], resources: [pods], verbs: [get, \(verb)]}\n"
        }
        #expect(
            DiffFixture.fieldSummary(DiffFixture.diff(role("list"), role("watch"))) == ["rules[0].verbs[1] modified"])
    }

    @Test func removingOneArgumentIsOneRemoval() {
        let args = { (list: String) in "  - name: web\n    args: [\(list)]\n" }
        let report = DiffFixture.diff(
            Self.pod(containers: args("--a, --b, --c, --d")), Self.pod(containers: args("--a, --c, --d")))
        #expect(DiffFixture.fieldSummary(report) == ["spec.containers[name=web].args[1] removed"])
    }

    @Test func listWithDuplicateKeysFallsBackToPositions() {
        let a = "  - {name: web, image: a}\n  - {name: web, image: b}\n"
        let b = "  - {name: web, image: a}\n  - {name: web, image: c}\n"
        let report = DiffFixture.diff(Self.pod(containers: a), Self.pod(containers: b))
        #expect(DiffFixture.fieldSummary(report) == ["spec.containers[1].image modified"])
    }

    @Test func integerAndQuotedStringAreATypeChange() {
        let a = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {port: 80}\n"
        let b = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {port: \"80\"}\n"
        let report = DiffFixture.diff(a, b)
        #expect(DiffFixture.fieldSummary(report) == ["data.port type"])
        #expect(report.objects.first?.fields.first?.old?.typeName == "integer")
        #expect(report.objects.first?.fields.first?.new?.typeName == "string")
    }

    @Test func sameValueSpelledDifferentlyIsEqual() {
        let a = "apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec: {n: 0x10, b: yes, z: ~, s: 'text'}\n"
        let b = "apiVersion: v1\nkind: X\nmetadata: {name: a}\nspec: {n: 16, b: true, z: null, s: \"text\"}\n"
        #expect(!DiffFixture.diff(a, b).hasDifferences)
    }

    @Test func nullAndAbsentAreTheSame() {
        let a = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata:\n"
        let b = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n"
        #expect(!DiffFixture.diff(a, b).hasDifferences)
    }

    @Test func settingMappingToNullIsARemoval() {
        let a = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {k: v}\n"
        let b = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: null\n"
        #expect(DiffFixture.fieldSummary(DiffFixture.diff(a, b)) == ["data removed"])
    }

    @Test func explicitDefaultReplicasIsNotAChange() {
        #expect(
            !DiffFixture.diff(DiffFixture.deployment(replicas: nil), DiffFixture.deployment(replicas: 1)).hasDifferences
        )
        #expect(
            DiffFixture.diff(DiffFixture.deployment(replicas: nil), DiffFixture.deployment(replicas: 2)).hasDifferences)
    }

    @Test func noiseFieldsAreIgnoredByDefault() {
        let a =
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, uid: u1, resourceVersion: \"1\", generation: 1}\nstatus: {x: 1}\n"
        let b = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: a
              uid: u2
              resourceVersion: "9"
              creationTimestamp: "2024-01-01T00:00:00Z"
              managedFields: [{manager: kubectl}]
              annotations: {kubectl.kubernetes.io/last-applied-configuration: "{}"}
            status: {x: 2}
            """
        #expect(!DiffFixture.diff(a, b).hasDifferences)
    }

    @Test func ignoreFlagHidesAFieldAndEverythingBelow() {
        let a =
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: {helm.sh/chart: x-1, app: a}}\ndata: {k: v}\n"
        let b =
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, labels: {helm.sh/chart: x-2, app: a}}\ndata: {k: w}\n"
        #expect(
            DiffFixture.fieldSummary(DiffFixture.diff(a, b, ignores: ["metadata.labels.helm.sh/chart"])) == [
                "data.k modified"
            ])
        #expect(
            DiffFixture.fieldSummary(DiffFixture.diff(a, b, ignores: ["data"])) == [
                "metadata.labels[\"helm.sh/chart\"] modified"
            ])
        #expect(!DiffFixture.diff(a, b, ignores: ["data", "metadata.labels[\"helm.sh/chart\"]"]).hasDifferences)
    }

    @Test func ignoreWildcardCoversEveryListItem() {
        let a = "  - {name: web, image: nginx:1}\n  - {name: side, image: envoy:1}\n"
        let b = "  - {name: web, image: nginx:2}\n  - {name: side, image: envoy:2}\n"
        let report = DiffFixture.diff(
            Self.pod(containers: a), Self.pod(containers: b), ignores: ["spec.containers[*].image"])
        #expect(!report.hasDifferences)
    }
}
