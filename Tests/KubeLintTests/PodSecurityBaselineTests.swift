import KubeLint
import Testing

/// One test per baseline check of the Pod Security admission emulation: the plugin's reason and detail for a
/// failing pod, nothing for a passing one, and the version at which a check changed.
struct PodSecurityBaselineTests {
    private let prefix = #"violates PodSecurity "baseline:latest": "#

    @Test func hostNamespacesListsEachSharedNamespace() {
        let spec = "  hostNetwork: true\n  hostPID: true\n  hostIPC: true\n  containers: [{name: a, image: a:1}]"
        #expect(PSA.enforced("baseline", spec: spec) == [prefix + "host namespaces (hostNetwork=true, hostPID=true, hostIPC=true)"])
        #expect(PSA.enforced("baseline", spec: "  hostNetwork: false\n  containers: [{name: a, image: a:1}]").isEmpty)
    }

    @Test func privilegedNamesEveryPrivilegedContainer() {
        let spec = """
              initContainers: [{name: a, image: a:1, securityContext: {privileged: true}}]
              containers: [{name: b, image: b:1, securityContext: {privileged: true}}, {name: c, image: c:1}]
            """
        #expect(PSA.enforced("baseline", spec: spec)
            == [prefix + #"privileged (containers "a", "b" must not set securityContext.privileged=true)"#])
        let fine = "  containers: [{name: a, image: a:1, securityContext: {privileged: false}}]"
        #expect(PSA.enforced("baseline", spec: fine).isEmpty)
    }

    @Test func capabilitiesBeyondTheDefaultSetAreRefused() {
        let spec = """
              containers:
              - {name: a, image: a:1, securityContext: {capabilities: {add: [NET_RAW, CHOWN]}}}
              - {name: b, image: b:1, securityContext: {capabilities: {add: [SYS_ADMIN, NET_RAW]}}}
              - {name: c, image: c:1, securityContext: {capabilities: {add: [CHOWN]}}}
            """
        #expect(PSA.enforced("baseline", spec: spec) == [prefix + #"non-default capabilities (containers "a", "b" must not "#
            + #"include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add)"#])
        let fine = "  containers: [{name: a, image: a:1, securityContext: {capabilities: {add: [CHOWN, KILL]}}}]"
        #expect(PSA.enforced("baseline", spec: fine).isEmpty)
    }

    @Test func hostPathVolumesAreNamed() {
        let spec = """
              containers: [{name: a, image: a:1}]
              volumes: [{name: x, hostPath: {path: /x}}, {name: y, hostPath: {path: /y}}, {name: z, emptyDir: {}}]
            """
        #expect(PSA.enforced("baseline", spec: spec) == [prefix + #"hostPath volumes (volumes "x", "y")"#])
        #expect(PSA.enforced("baseline", spec: "  containers: [{name: a, image: a:1}]\n  volumes: [{name: z, emptyDir: {}}]").isEmpty)
    }

    @Test func hostPortsAreListedOnceAndSortedAsText() {
        let spec = """
              containers:
              - {name: b, image: b:1, ports: [{containerPort: 1, hostPort: 10}, {containerPort: 2, hostPort: 20}]}
              - {name: c, image: c:1, ports: [{containerPort: 1, hostPort: 20}, {containerPort: 2, hostPort: 3}]}
            """
        #expect(PSA.enforced("baseline", spec: spec) == [prefix + #"hostPort (containers "b", "c" use hostPorts 10, 20, 3)"#])
        let fine = "  containers: [{name: a, image: a:1, ports: [{containerPort: 80, hostPort: 0}]}]"
        #expect(PSA.enforced("baseline", spec: fine).isEmpty)
    }

    @Test func appArmorUnconfinedTypeAndAnnotationAreRefused() {
        let spec = "  containers: [{name: a, image: a:1, securityContext: {appArmorProfile: {type: Unconfined}}}]"
        #expect(PSA.enforced("baseline", spec: spec)
            == [prefix + #"forbidden AppArmor profile (container "a" must not set AppArmor profile type to "Unconfined")"#])
        let annotated = PSA.enforced(
            "baseline", spec: "  containers: [{name: a, image: a:1}]",
            annotations: "container.apparmor.security.beta.kubernetes.io/a: unconfined")
        #expect(annotated == [prefix + #"forbidden AppArmor profile (annotation must not set AppArmor profile type to "#
            + #""container.apparmor.security.beta.kubernetes.io/a="unconfined"")"#])
        let fine = PSA.enforced(
            "baseline", spec: "  containers: [{name: a, image: a:1, securityContext: {appArmorProfile: {type: Localhost}}}]",
            annotations: "container.apparmor.security.beta.kubernetes.io/a: localhost/custom")
        #expect(fine.isEmpty)
    }

    @Test func seLinuxTypeUserAndRoleAreReported() {
        let spec = "  securityContext: {seLinuxOptions: {type: foo, user: bar}}\n  containers: [{name: a, image: a:1}]"
        #expect(PSA.enforced("baseline", spec: spec)
            == [prefix + #"seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "foo"; user may not be set)"#])
        let fine = "  securityContext: {seLinuxOptions: {type: container_t, level: \"s0:c123,c456\"}}\n  containers: [{name: a, image: a:1}]"
        #expect(PSA.enforced("baseline", spec: fine).isEmpty)
    }

    @Test func containerEngineSELinuxTypeIsAllowedFromV131() {
        let spec = "  containers: [{name: a, image: a:1, securityContext: {seLinuxOptions: {type: container_engine_t}}}]"
        #expect(PSA.enforced("baseline", "v1.31", spec: spec).isEmpty)
        #expect(PSA.enforced("baseline", "v1.30", spec: spec) == [#"violates PodSecurity "baseline:v1.30": seLinuxOptions "#
            + #"(container "a" set forbidden securityContext.seLinuxOptions: type "container_engine_t")"#])
    }

    @Test func unmaskedProcMountIsRefused() {
        let spec = "  containers: [{name: a, image: a:1, securityContext: {procMount: Unmasked}}]"
        #expect(PSA.enforced("baseline", spec: spec)
            == [prefix + #"procMount (container "a" must not set securityContext.procMount to "Unmasked")"#])
        #expect(PSA.enforced("baseline", spec: "  containers: [{name: a, image: a:1, securityContext: {procMount: Default}}]")
            .isEmpty)
    }

    @Test func userNamespacePodsMayUnmaskProcFromV135UnderBaselineOnly() {
        let spec = "  hostUsers: false\n  containers: [{name: a, image: a:1, securityContext: {procMount: Unmasked}}]"
        #expect(PSA.enforced("baseline", spec: spec).isEmpty)
        #expect(PSA.enforced("baseline", "v1.34", spec: spec).count == 1)
        let restricted = PSA.enforced("restricted", spec: spec).filter { $0.contains("procMount") }
        #expect(restricted == [#"violates PodSecurity "restricted:latest": procMount (container "a" must not set "#
            + #"securityContext.procMount to "Unmasked")"#])
    }

    @Test func seccompFieldMustNotBeUnconfined() {
        let spec = "  securityContext: {seccompProfile: {type: Unconfined}}\n  containers: [{name: a, image: a:1}]"
        #expect(PSA.enforced("baseline", spec: spec)
            == [prefix + #"seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")"#])
        let fine = "  securityContext: {seccompProfile: {type: Localhost, localhostProfile: p.json}}\n  containers: [{name: a, image: a:1}]"
        #expect(PSA.enforced("baseline", spec: fine).isEmpty)
    }

    @Test func seccompAnnotationsAreCheckedBeforeV119Only() {
        let annotations = "seccomp.security.alpha.kubernetes.io/pod: unconfined"
        let spec = "  containers: [{name: a, image: a:1}]"
        #expect(PSA.enforced("baseline", "v1.18", spec: spec, annotations: annotations) == [#"violates PodSecurity "#
            + #""baseline:v1.18": seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")"#])
        #expect(PSA.enforced("baseline", "v1.19", spec: spec, annotations: annotations).isEmpty)
    }

    @Test func unsafeSysctlsAreListedInOrder() {
        let spec = """
              securityContext: {sysctls: [{name: kernel.msgmax, value: "1"}, {name: net.ipv4.tcp_syncookies, value: "1"}, {name: net.core.somaxconn, value: "1"}]}
              containers: [{name: a, image: a:1}]
            """
        #expect(PSA.enforced("baseline", spec: spec) == [prefix + "forbidden sysctls (kernel.msgmax, net.core.somaxconn)"])
    }

    @Test func safeSysctlsGrowWithThePolicyVersion() {
        let spec = "  securityContext: {sysctls: [{name: net.ipv4.tcp_rmem, value: 4096 87380 6291456}]}\n"
            + "  containers: [{name: a, image: a:1}]"
        #expect(PSA.enforced("baseline", "v1.32", spec: spec).isEmpty)
        #expect(PSA.enforced("baseline", "v1.31", spec: spec)
            == [#"violates PodSecurity "baseline:v1.31": forbidden sysctls (net.ipv4.tcp_rmem)"#])
    }

    @Test func latestMeansThePolicyOfTheTargetKubernetesVersion() {
        let text = PSA.input(
            labels: PSA.enforce("baseline"),
            spec: "  securityContext: {sysctls: [{name: net.ipv4.tcp_notsent_lowat, value: \"1\"}]}\n"
                + "  containers: [{name: a, image: a:1}]")
        #expect(PSA.messages(text).isEmpty)
        var older = LintConfiguration()
        older.kubernetesMinor = 36
        #expect(PSA.messages(text, configuration: older) == [prefix + "forbidden sysctls (net.ipv4.tcp_notsent_lowat)"])
    }

    @Test func windowsHostProcessIsRefusedOnPodAndContainers() {
        let spec = """
              securityContext: {windowsOptions: {hostProcess: true}}
              containers: [{name: a, image: a:1, securityContext: {windowsOptions: {hostProcess: true}}}]
            """
        #expect(PSA.enforced("baseline", spec: spec)
            == [prefix + #"hostProcess (pod and container "a" must not set securityContext.windowsOptions.hostProcess=true)"#])
        let fine = "  securityContext: {windowsOptions: {hostProcess: false}}\n  containers: [{name: a, image: a:1}]"
        #expect(PSA.enforced("baseline", spec: fine).isEmpty)
    }

    @Test func probeHostsAreRefusedFromV134() {
        let spec = """
              containers:
              - {name: b, image: b:1, livenessProbe: {httpGet: {host: h1, port: 80}}, lifecycle: {preStop: {tcpSocket: {host: h2, port: 80}}}}
              - {name: a, image: a:1, readinessProbe: {tcpSocket: {host: h1, port: 80}}}
            """
        #expect(PSA.enforced("baseline", spec: spec)
            == [prefix + #"probe or lifecycle host (containers "a", "b" use probe or lifecycle hosts "h1", "h2")"#])
        #expect(PSA.enforced("baseline", "v1.33", spec: spec).isEmpty)
    }
}
