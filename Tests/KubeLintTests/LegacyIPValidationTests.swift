import KubeLint
import Testing

/// IP and CIDR fields that predate strict parsing: accepted with a warning up to Kubernetes 1.35, refused from
/// 1.36 (`StrictIPCIDRValidation` on by default).
struct LegacyIPValidationTests {
    private func findings(_ text: String, minor: Int) -> [String] {
        var configuration = LintConfiguration()
        configuration.kubernetesMinor = minor
        return Lint.run(text, configuration: configuration)
            .filter { ["invalid-service-spec", "invalid-network-policy", "invalid-service-type-fields", "api-warning"]
                .contains($0.rule) }
            .map { "\($0.rule): \($0.message)" }
    }

    private let service = """
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec:
          clusterIP: 10.096.0.10
          selector: {app: web}
          ports: [{port: 80}]
        """

    @Test func aClusterIPWithLeadingZerosIsOnlyAWarningUpTo135() {
        #expect(findings(service, minor: 35) == [
            #"api-warning: spec.clusterIPs[0]: non-standard IP address "10.096.0.10" will be considered invalid in a "#
                + #"future Kubernetes release: use "10.96.0.10""#,
        ])
    }

    @Test func aClusterIPWithLeadingZerosIsRefusedFrom136() {
        #expect(findings(service, minor: 36) == [
            #"invalid-service-spec: spec.clusterIP: Invalid value: "10.096.0.10": must not have leading 0s"#,
        ])
    }

    @Test func anIPBlockWithHostBitsIsRefusedFrom136() {
        let policy = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: np}
            spec:
              podSelector: {}
              egress:
              - to: [{ipBlock: {cidr: 10.0.0.5/8, except: [010.1.0.0/16]}}]
            """
        #expect(findings(policy, minor: 37) == [
            #"invalid-network-policy: spec.egress[0].to[0].ipBlock.cidr: Invalid value: "10.0.0.5/8": "#
                + "must not have bits set beyond the prefix length",
            #"invalid-network-policy: spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "010.1.0.0/16": "#
                + "must not have leading 0s in IP or prefix length",
        ])
    }
}
