import Foundation
import KubeLint
import Testing

/// One source of the Kubernetes version for every version-dependent rule: `--kubernetes-version` (the
/// configuration's `kubernetesMinor`), else the Cluster document, else the newest.
struct EffectiveKubernetesVersionTests {
    private let cluster131 = """
        apiVersion: kubec.dev/v1alpha1
        kind: Cluster
        metadata: {name: c}
        spec: {kubernetesVersion: "1.31"}
        ---

        """

    private let sysctlPod = """
        apiVersion: v1
        kind: Pod
        metadata: {name: web}
        spec:
          securityContext: {sysctls: [{name: net.ipv4.tcp_rmem, value: "4096 87380 6291456"}]}
          containers: [{name: web, image: nginx:1.27}]
        """

    private func messages(_ text: String, rule: String, minor: Int? = nil) -> [String] {
        var configuration = LintConfiguration()
        configuration.kubernetesMinor = minor
        configuration.enabled = [rule]
        return Lint.run(text, configuration: configuration).filter { $0.rule == rule }.map(\.message)
    }

    @Test func theFlagReachesThePodSecurityRulesWithoutAClusterDocument() {
        #expect(messages(sysctlPod, rule: "unsafe-sysctl").isEmpty)
        #expect(messages(sysctlPod, rule: "unsafe-sysctl", minor: 31) == [
            "sysctl \"net.ipv4.tcp_rmem\" is safe only from Kubernetes 1.32; the kubelet of 1.31 refuses it"
        ])
    }

    @Test func theFlagWinsOverTheClusterDocument() {
        #expect(messages(cluster131 + sysctlPod, rule: "unsafe-sysctl").count == 1)
        #expect(messages(cluster131 + sysctlPod, rule: "unsafe-sysctl", minor: 33).isEmpty)
    }

    @Test func theFlagDecidesWhetherSeccompAnnotationsStillWork() {
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations: {seccomp.security.alpha.kubernetes.io/pod: runtime/default}
            spec:
              containers: [{name: web, image: nginx:1.27}]
            """
        #expect(messages(pod, rule: "seccomp-profile-missing", minor: 26).isEmpty)
        #expect(messages(pod, rule: "seccomp-profile-missing", minor: 27).count == 1)
        #expect(messages(pod, rule: "linux-hardening-missing", minor: 26).isEmpty)
    }

    @Test func theClusterDocumentReachesTheAPIServerWarnings() {
        let service = """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec:
              selector: {app: web}
              ports: [{port: 80}]
              externalIPs: [192.0.2.10]
            """
        let cluster135 = cluster131.replacingOccurrences(of: "1.31", with: "1.35")
        #expect(messages(service, rule: "api-warning").count == 1)
        #expect(messages(cluster135 + service, rule: "api-warning").isEmpty)
    }
}
