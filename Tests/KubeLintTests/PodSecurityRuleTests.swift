import KubeLint
import KubeYAML
import Testing

/// Edge cases of the pod-security rules beyond their documented examples.
struct PodSecurityRuleTests {
    static func messages(_ text: String, rule: String) -> [String] {
        var configuration = LintConfiguration()
        configuration.enabled = [rule]
        return Lint.run(text, configuration: configuration).filter { $0.rule == rule }.map(\.message)
    }

    static func pod(volumes: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: agent}
        spec:
          containers: [{name: agent, image: agent:1.0}]
          volumes:
        \(volumes)
        """
    }

    @Test func aRuntimeSocketIsReportedOnlyAsARuntimeSocket() {
        let text = Self.pod(volumes: "  - {name: docker, hostPath: {path: /var/run/docker.sock}}")
        #expect(Self.messages(text, rule: "container-runtime-socket").count == 1)
        #expect(Self.messages(text, rule: "sensitive-host-path").isEmpty)
    }

    @Test func theRunDirectoryIsSensitiveButNotASocket() {
        let text = Self.pod(volumes: "  - {name: run, hostPath: {path: /var/run/}}")
        #expect(
            Self.messages(text, rule: "sensitive-host-path") == [
                "volume \"run\" mounts the node's /var/run/ (that is, /var/run)"
            ])
        #expect(Self.messages(text, rule: "container-runtime-socket").isEmpty)
    }

    @Test func aSubdirectoryOfASensitiveDirectoryIsNotReportedUnlessItHoldsCredentials() {
        let text = Self.pod(
            volumes: """
                  - {name: kubelet-pods, hostPath: {path: /var/lib/kubelet/pods}}
                  - {name: kubelet-pki, hostPath: {path: /var/lib/kubelet/pki}}
                """)
        #expect(
            Self.messages(text, rule: "sensitive-host-path") == [
                "volume \"kubelet-pki\" mounts the node's /var/lib/kubelet/pki"
            ])
    }

    @Test func aNetSysctlWithHostNetworkNamesHostNetwork() {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: agent}
            spec:
              hostNetwork: true
              securityContext: {sysctls: [{name: net.ipv4.ip_local_port_range, value: "1024 65535"}]}
              containers: [{name: agent, image: agent:1.0}]
            """
        #expect(
            Self.messages(text, rule: "unsafe-sysctl") == [
                "sysctl \"net.ipv4.ip_local_port_range\" would change the node itself: "
                    + "the kubelet refuses it with hostNetwork"
            ])
    }

    @Test func aSysctlSafeInANewerVersionNamesThatVersion() {
        let text = """
            apiVersion: kubec.dev/v1alpha1
            kind: Cluster
            metadata: {name: c}
            spec: {kubernetesVersion: "1.31"}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {sysctls: [{name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}]}
              containers: [{name: web, image: nginx:1.27}]
            """
        #expect(
            Self.messages(text, rule: "unsafe-sysctl") == [
                "sysctl \"net.ipv4.tcp_rmem\" is safe only from Kubernetes 1.32; the kubelet of 1.31 refuses it"
            ])
    }

    @Test func aSlashSeparatedSafeSysctlIsSafe() {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {sysctls: [{name: net/ipv4/ip_local_port_range, value: "1024 65535"}]}
              containers: [{name: web, image: nginx:1.27}]
            """
        #expect(Self.messages(text, rule: "unsafe-sysctl").isEmpty)
    }

    @Test func aDifferingDeprecatedServiceAccountIsAWarning() {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: api}
            spec:
              serviceAccountName: api
              serviceAccount: api-old
              containers: [{name: api, image: api:1.0}]
            """
        let found = Lint.run(text).filter { $0.rule == "deprecated-service-account-field" }
        #expect(found.map(\.severity) == [.warning])
    }

    @Test func aMissingServiceAccountIsReportedOnceNotAlsoAsAMissingReference() {
        let text = """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: web, namespace: shop}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop}
            spec:
              serviceAccountName: api
              containers: [{name: api, image: api:1.0}]
            """
        let rules = Lint.run(text).filter { $0.message.contains("ServiceAccount \"api\"") }.map(\.rule)
        #expect(rules == ["service-account-not-found"])
    }

    @Test func aServiceAccountInANamespaceWithoutAccountsStaysAMissingReference() {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop}
            spec:
              serviceAccountName: api
              containers: [{name: api, image: api:1.0}]
            """
        let rules = Lint.run(text).filter { $0.message.contains("ServiceAccount \"api\"") }.map(\.rule)
        #expect(rules == ["reference-not-found"])
    }

    @Test func aDangerousCapabilitySaysWhatItAllows() {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: vpn}
            spec:
              containers:
              - {name: vpn, image: vpn:1.0, securityContext: {capabilities: {add: [CAP_NET_ADMIN]}}}
            """
        #expect(
            Self.messages(text, rule: "dangerous-capability-added") == [
                "container \"vpn\" adds NET_ADMIN: it can change routes, iptables and interfaces"
            ])
    }

    @Test func sysAdminIsLeftToPrivilegeEscalation() {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: tool}
            spec:
              containers:
              - {name: tool, image: tool:1.0, securityContext: {capabilities: {add: [SYS_ADMIN]}}}
            """
        let rules = Lint.run(text).filter { $0.message.contains("SYS_ADMIN") }.map(\.rule)
        #expect(rules == ["privilege-escalation-allowed"])
    }

    @Test func aHostProcessPodIsNotAskedForLinuxSettings() {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: agent}
            spec:
              hostNetwork: true
              securityContext: {windowsOptions: {hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM"}}
              containers: [{name: agent, image: agent:1.0}]
            """
        for rule in ["writable-root-filesystem", "net-raw-not-dropped", "seccomp-profile-missing"] {
            #expect(Self.messages(text, rule: rule).isEmpty, "\(rule)")
        }
    }

    @Test func theNoisyRulesAreOptIn() throws {
        for id in [
            "capabilities-not-dropped", "host-path-volume", "writable-host-path", "privileged-port",
            "seccomp-profile-missing", "linux-hardening-missing", "service-account-token-mounted",
            "default-service-account",
        ] {
            let description = try #require(RuleRegistry.description(of: id))
            #expect(!description.enabledByDefault, "\(id)")
        }
    }

    @Test func peerCheckNamesMapToThePodSecurityRules() {
        let expected = [
            "no-read-only-root-fs": "writable-root-filesystem", "drop-net-raw-capability": "net-raw-not-dropped",
            "docker-sock": "container-runtime-socket", "sensitive-host-mounts": "sensitive-host-path",
            "unsafe-sysctls": "unsafe-sysctl", "hostPathSet": "host-path-volume", "procMount": "proc-mount-unmasked",
            "CKV_K8S_26": "host-port", "CKV_K8S_37": "capabilities-not-dropped",
            "non-existent-service-account": "service-account-not-found", "hostProcess": "windows-host-process",
            "CKV_K8S_39": "privilege-escalation-allowed",
        ]
        for (name, id) in expected {
            #expect(RuleRegistry.ruleID(forName: name) == id, "\(name)")
        }
    }
}
