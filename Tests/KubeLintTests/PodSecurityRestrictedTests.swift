import KubeLint
import Testing

/// One test per restricted check of the Pod Security admission emulation, starting from a compliant pod and
/// breaking one field.
struct PodSecurityRestrictedTests {
    private let prefix = #"violates PodSecurity "restricted:latest": "#

    private func broken(replacing old: String, with new: String) -> String {
        PSA.restrictedSpec.replacingOccurrences(of: old, with: new)
    }

    @Test func theCompliantPodPasses() {
        #expect(PSA.enforced("restricted", spec: PSA.restrictedSpec).isEmpty)
    }

    @Test func hostPathIsARestrictedVolumeTypeAndReportedOnce() {
        let spec = PSA.restrictedSpec + "\n  volumes: [{name: host, hostPath: {path: /etc}}, {name: cache, emptyDir: {}}]"
        #expect(PSA.enforced("restricted", spec: spec)
            == [prefix + #"restricted volume types (volume "host" uses restricted volume type "hostPath")"#])
    }

    @Test func imageVolumesAreAllowedFromKubernetes133() {
        let text = PSA.input(
            labels: PSA.enforce("restricted"),
            spec: PSA.restrictedSpec + "\n  volumes: [{name: tools, image: {reference: tools:1.0}}]")
        #expect(PSA.messages(text).isEmpty)
        var old = LintConfiguration()
        old.kubernetesMinor = 32
        #expect(PSA.messages(text, configuration: old)
            == [prefix + #"restricted volume types (volume "tools" uses restricted volume type "unknown")"#])
    }

    @Test func privilegeEscalationMustBeFalse() {
        let spec = broken(replacing: "allowPrivilegeEscalation: false, ", with: "")
        #expect(PSA.enforced("restricted", spec: spec) == [prefix
            + #"allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)"#])
    }

    @Test func windowsPodsSkipLinuxOnlyChecksFromV125() {
        let spec = "  os: {name: windows}\n  securityContext: {runAsNonRoot: true}\n  containers: [{name: app, image: app:1}]"
        #expect(PSA.enforced("restricted", spec: spec).isEmpty)
        #expect(PSA.enforced("restricted", "v1.24", spec: spec).count == 3)
    }

    @Test func runAsNonRootMustBeSetOnThePodOrEveryContainer() {
        let spec = broken(replacing: "runAsNonRoot: true, ", with: "")
        #expect(PSA.enforced("restricted", spec: spec)
            == [prefix + #"runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true)"#])
        let explicit = broken(replacing: "runAsNonRoot: true", with: "runAsNonRoot: false")
        #expect(PSA.enforced("restricted", spec: explicit)
            == [prefix + "runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false)"])
    }

    @Test func userNamespacePodsSkipTheRootChecksFromV135() {
        let spec = "  hostUsers: false\n" + broken(replacing: "runAsNonRoot: true, ", with: "runAsUser: 0, ")
        #expect(PSA.enforced("restricted", spec: spec).isEmpty)
        #expect(Set(PSA.enforced("restricted", "v1.34", spec: spec)) == [
            #"violates PodSecurity "restricted:v1.34": runAsNonRoot != true (pod or container "app" must set "#
                + "securityContext.runAsNonRoot=true)",
            #"violates PodSecurity "restricted:v1.34": runAsUser=0 (pod must not set runAsUser=0)"#,
        ])
    }

    @Test func runAsUserZeroIsRefusedFromV123() {
        let spec = broken(replacing: "runAsNonRoot: true, ", with: "runAsNonRoot: true, runAsUser: 0, ")
        #expect(PSA.enforced("restricted", spec: spec) == [prefix + "runAsUser=0 (pod must not set runAsUser=0)"])
        #expect(PSA.enforced("restricted", "v1.22", spec: spec).isEmpty)
    }

    @Test func seccompProfileIsRequired() {
        let spec = broken(replacing: ", seccompProfile: {type: RuntimeDefault}", with: "")
        #expect(PSA.enforced("restricted", spec: spec) == [prefix + #"seccompProfile (pod or container "app" must set "#
            + #"securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")"#])
    }

    @Test func capabilitiesMustDropAllAndAddAtMostNetBindService() {
        let spec = broken(replacing: "capabilities: {drop: [ALL]}", with: "capabilities: {drop: [NET_RAW], add: [CHOWN, NET_BIND_SERVICE]}")
        #expect(PSA.enforced("restricted", spec: spec) == [prefix + #"unrestricted capabilities (container "app" must set "#
            + #"securityContext.capabilities.drop=["ALL"]; container "app" must not include "CHOWN" in "#
            + "securityContext.capabilities.add)"])
    }

    @Test func eachFailedCheckIsOneErrorAtItsField() throws {
        let spec = """
              hostNetwork: true
              containers:
              - name: app
                image: app:1.0
            """
        let found = PSA.findings(PSA.input(labels: PSA.enforce("restricted"), spec: spec))
        #expect(Set(found.map { $0.message.dropFirst(prefix.count).split(separator: "(")[0].trimmingCharacters(in: .whitespaces) })
            == ["host namespaces", "allowPrivilegeEscalation != false", "unrestricted capabilities", "runAsNonRoot != true",
                "seccompProfile"])
        let first = try #require(found.first?.range)
        #expect(first.start.line == 13 && first.start.column == 16)
        #expect(found.allSatisfy { $0.severity == .error })
    }
}
