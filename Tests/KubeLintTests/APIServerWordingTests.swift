import KubeLint
import KubeTestSupport
import KubeYAML
import Testing

/// Values the API server refuses are errors with its wording, at the field (pkg/apis/core/validation and
/// pkg/apis/networking/validation: IsValidPortNum, ValidateNonnegativeField, validateClientIPAffinityConfig).
struct APIServerWordingTests {
    /// The single error of `marked`, which must sit at its `↓`.
    static func error(_ marked: String) throws -> String {
        let source = MarkedSource(marked)
        let errors = Lint.run(source.text).filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors.map(\.message))")
        let error = try #require(errors.first)
        #expect(error.range?.start == source.locations.first)
        return error.message
    }

    static func pod(_ container: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
          - name: c
            image: nginx:1.27
        \(container)
        """
    }

    @Test func aContainerPortAboveTheRange() throws {
        let message = try Self.error(Self.pod("    ports: [{containerPort: ↓1000000000}]"))
        #expect(message == "spec.containers[0].ports[0].containerPort: Invalid value: 1000000000: must be between 1 and 65535, inclusive")
    }

    @Test func aProbePortOfMinusOne() throws {
        let message = try Self.error(Self.pod("    readinessProbe: {httpGet: {path: /, port: ↓-1}}"))
        #expect(message == "spec.containers[0].readinessProbe.httpGet.port: Invalid value: -1: must be between 1 and 65535, inclusive")
    }

    @Test func aNegativeProbePeriod() throws {
        let message = try Self.error(Self.pod("    livenessProbe: {tcpSocket: {port: 80}, periodSeconds: ↓-1}"))
        #expect(message == "spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0")
    }

    @Test func aNetworkPolicyEndPortAboveTheRange() throws {
        let message = try Self.error("""
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: np}
            spec:
              podSelector: {}
              ingress:
              - ports: [{port: 8080, endPort: ↓65536}]
            """)
        #expect(message == "spec.ingress[0].ports[0].endPort: Invalid value: 65536: must be between 1 and 65535, inclusive")
    }

    @Test func anAffinityTimeoutWrittenAsAFloat() throws {
        let message = try Self.error("""
            apiVersion: v1
            kind: Service
            metadata: {name: s}
            spec:
              ports: [{port: 80}]
              sessionAffinity: ClientIP
              sessionAffinityConfig: {clientIP: {timeoutSeconds: ↓1e9}}
            """)
        #expect(message == "spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 1000000000: must be greater than 0 and less than 86400")
    }
}
