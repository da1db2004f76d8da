import KubeLint
import KubeYAML
import Testing

/// How namespace labels, their versions, the cluster default and the object kind decide what the Pod Security
/// admission emulation reports, and at which severity.
struct PodSecurityModeTests {
    private let privilegedSpec = "  containers: [{name: a, image: a:1, securityContext: {privileged: true}}]"
    private let detail = #"privileged (container "a" must not set securityContext.privileged=true)"#

    @Test func aPodWithoutAnyPolicyIsNotChecked() {
        #expect(PSA.messages(PSA.input(labels: "team: shop", spec: privilegedSpec)).isEmpty)
    }

    @Test func theEnforceVersionLabelIsPrintedInTheMessage() {
        #expect(PSA.enforced("baseline", "v1.30", spec: privilegedSpec) == [#"violates PodSecurity "baseline:v1.30": "# + detail])
    }

    @Test func warnLabelsMakeWarningsWorthTheServersWarning() {
        let found = PSA.findings(PSA.input(labels: "pod-security.kubernetes.io/warn: baseline", spec: privilegedSpec))
        #expect(found.map(\.message) == [#"would violate PodSecurity "baseline:latest": "# + detail])
        #expect(found.map(\.severity) == [.warning])
    }

    @Test func auditLabelsMakeWarningsToo() {
        let found = PSA.findings(PSA.input(labels: "pod-security.kubernetes.io/audit: baseline", spec: privilegedSpec))
        #expect(found.map(\.message) == [#"would violate PodSecurity "baseline:latest": "# + detail])
        #expect(found.map(\.severity) == [.warning])
    }

    @Test func aViolationSeenByWarnAndAuditIsReportedOnce() {
        let labels = "pod-security.kubernetes.io/warn: baseline, pod-security.kubernetes.io/audit: restricted"
        let found = PSA.messages(PSA.input(labels: labels, spec: privilegedSpec))
        #expect(found.filter { $0.contains("privileged (") }.count == 1)
        #expect(found.contains { $0.hasPrefix(#"would violate PodSecurity "restricted:latest": allowPrivilegeEscalation"#) })
    }

    @Test func aRefusedPodGetsNoWarnings() {
        let labels = PSA.enforce("baseline") + ", pod-security.kubernetes.io/warn: restricted"
        let found = PSA.findings(PSA.input(labels: labels, spec: privilegedSpec))
        #expect(found.map(\.severity) == [.error])
    }

    @Test func aControllersPodsAreReportedAsRefused() {
        let text = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {pod-security.kubernetes.io/enforce: baseline}}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: backup, namespace: shop}
            spec:
              schedule: "0 3 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      restartPolicy: Never
                      hostPID: true
                      containers: [{name: backup, image: backup:1}]
            """
        let found = PSA.findings(text)
        #expect(found.map(\.message) == [#"the pods of this CronJob would be refused: violates PodSecurity "baseline:latest": "#
            + "host namespaces (hostPID=true)"])
        #expect(found.first?.path == "spec.jobTemplate.spec.template.spec.hostPID")
    }

    @Test func anUnparsableLevelIsAnErrorOnTheNamespaceAndEnforcesRestricted() {
        let found = PSA.findings(PSA.input(labels: PSA.enforce("strict"), spec: "  containers: [{name: a, image: a:1}]"))
        #expect(found.first?.message
            == #"metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, "#
                + "baseline, restricted")
        #expect(found.dropFirst().allSatisfy { $0.message.hasPrefix(#"violates PodSecurity "restricted:latest""#) })
        #expect(found.count > 1)
    }

    @Test func anUnparsableVersionMeansLatest() {
        let found = PSA.findings(PSA.input(labels: PSA.enforce("baseline", "v1.x"), spec: privilegedSpec))
        #expect(found.map(\.message) == [
            #"metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: "v1.x": must be "latest" or "v1.x""#,
            #"violates PodSecurity "baseline:latest": "# + detail,
        ])
    }

    @Test func theClusterDefaultAppliesToNamespacesWithoutAnEnforceLabel() {
        var configuration = LintConfiguration()
        configuration.podSecurity.defaultEnforce = PodSecurityLevelVersion(parsing: "baseline:v1.29")
        let unlabelled = PSA.messages(PSA.input(labels: "team: shop", spec: privilegedSpec), configuration: configuration)
        #expect(unlabelled == [#"violates PodSecurity "baseline:v1.29": "# + detail])
        let exempted = PSA.messages(PSA.input(labels: PSA.enforce("privileged"), spec: privilegedSpec), configuration: configuration)
        #expect(exempted.isEmpty)
    }

    @Test func theClusterDefaultAppliesToNamespacesNotInTheInput() {
        var configuration = LintConfiguration()
        configuration.podSecurity.defaultEnforce = PodSecurityLevelVersion(parsing: "baseline")
        let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n" + privilegedSpec
        #expect(PSA.messages(text, configuration: configuration) == [#"violates PodSecurity "baseline:latest": "# + detail])
        #expect(PSA.messages(text).isEmpty)
    }

    @Test func theConfigFileSetsTheClusterDefault() {
        let (configuration, problems) = Lint.configuration("podSecurity: restricted:v1.30\n")
        #expect(problems.isEmpty)
        #expect(configuration.podSecurity.defaultEnforce == PodSecurityLevelVersion(.restricted, PodSecurityVersion(minor: 30)))
        let (_, bad) = Lint.configuration("podSecurity: strict\n")
        #expect(bad.map(\.rule) == ["config-invalid"])
    }

    @Test func levelVersionParsingFollowsThePlugin() {
        #expect(PodSecurityLevelVersion(parsing: "restricted")?.text == "restricted:latest")
        #expect(PodSecurityLevelVersion(parsing: "baseline:v1.0")?.text == "baseline:v1.0")
        #expect(PodSecurityLevelVersion(parsing: "baseline:v1.07") == nil)
        #expect(PodSecurityLevelVersion(parsing: "baseline:1.30") == nil)
        #expect(PodSecurityLevelVersion(parsing: "Baseline") == nil)
    }

    @Test func findingsNoteTheNamespaceLabel() throws {
        let found = try #require(PSA.findings(PSA.input(labels: PSA.enforce("baseline"), spec: privilegedSpec)).first)
        #expect(found.notes.contains { $0.message == "the namespace's enforce level" && $0.range?.start.line == 5 })
        #expect(found.hint?.contains("privileged") == true)
    }
}
