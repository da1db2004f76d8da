import KubeLint
import KubeTestSupport
import Testing

/// A StatefulSet's negative `revisionHistoryLimit` (accepted; 1.33+ warns, kubernetes#129017) and NetworkPolicy
/// `ipBlock.except` entries compared as Go's `net.IPNet` does (IPv4-mapped networks contain as IPv4, prefix
/// lengths compare as written).
struct StatefulSetHistoryAndIPBlockExceptTests {
    static func findings(_ text: String, minor: Int) -> [String] {
        var configuration = LintConfiguration()
        configuration.kubernetesMinor = minor
        return Lint.run(text, configuration: configuration)
            .filter { ["invalid-statefulset-spec", "invalid-network-policy", "api-warning"].contains($0.rule) }
            .map { "\($0.rule): \($0.message)" }
    }

    static let statefulSet = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db}
        spec:
          serviceName: db
          revisionHistoryLimit: ↓-1
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: db, image: postgres:17}]
        """

    @Test func aNegativeHistoryLimitIsAWarningFrom133AtTheField() {
        let source = MarkedSource(Self.statefulSet)
        var configuration = LintConfiguration()
        configuration.kubernetesMinor = 33
        let warnings = Lint.run(source.text, configuration: configuration).filter { $0.rule == "api-warning" }
        #expect(warnings.map(\.message) == [
            "spec.revisionHistoryLimit: a negative value retains all historical revisions; a value >= 0 is recommended",
        ])
        #expect(warnings.first?.range?.start == source.locations.first)
    }

    @Test func aNegativeHistoryLimitIsNeitherRefusedNorWarnedAbout132() {
        #expect(Self.findings(MarkedSource(Self.statefulSet).text, minor: 32).isEmpty)
    }

    static func policy(cidr: String, except: String) -> String {
        """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: np}
        spec:
          podSelector: {}
          egress:
          - to: [{ipBlock: {cidr: "\(cidr)", except: ["\(except)"]}}]
        """
    }

    @Test func anIPv4MappedExceptInsideAnIPv4BlockIsAStrictSubsetUpTo135() {
        let errors = Self.findings(Self.policy(cidr: "10.0.0.0/8", except: "::ffff:10.1.0.0/112"), minor: 35)
        #expect(!errors.contains { $0.contains("strict subset") }, "\(errors)")
    }

    @Test func anIPv4MappedBlockDoesNotStrictlyContainAShorterIPv4Prefix() {
        let errors = Self.findings(Self.policy(cidr: "::ffff:10.0.0.0/104", except: "10.1.0.0/16"), minor: 35)
        #expect(errors.contains {
            $0 == #"invalid-network-policy: spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "10.1.0.0/16": must be a strict subset of `cidr`"#
        }, "\(errors)")
    }

    @Test func anIPv6ExceptOutsideAnIPv4BlockIsNoSubset() {
        let errors = Self.findings(Self.policy(cidr: "10.0.0.0/8", except: "2001:db8::/64"), minor: 35)
        #expect(errors.contains { $0.hasSuffix("must be a strict subset of `cidr`") }, "\(errors)")
    }
}
