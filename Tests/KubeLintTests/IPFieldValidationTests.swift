import KubeLint
import KubeTestSupport
import Testing

/// IP fields the API server validates beyond `clusterIP`: a Service's `externalIPs` (legacy parsing, then no
/// special ranges) and a pod spec's `hostAliases[].ip` and `dnsConfig.nameservers` (legacy parsing), strict
/// from Kubernetes 1.36. `loadBalancerIP` is only warned about.
struct IPFieldValidationTests {
    static func error(_ marked: String, minor: Int) throws -> String {
        try TooLongWordingByVersionTests.error(marked, minor: minor)
    }

    static func errors(_ text: String, minor: Int) -> [String] {
        var configuration = LintConfiguration()
        configuration.kubernetesMinor = minor
        return Lint.run(text, configuration: configuration).filter { $0.severity == .error }.map(\.message)
    }

    static func service(_ field: String) -> String {
        "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n"
            + "  \(field)\n"
    }

    @Test func anExternalIPThatIsNoAddressIsRefused() throws {
        let message = try Self.error(Self.service("externalIPs: [192.0.2.10, ↓192.0.2]"), minor: 35)
        #expect(message == #"spec.externalIPs[1]: Invalid value: "192.0.2": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"#)
    }

    @Test func aLoopbackExternalIPIsRefused() throws {
        let message = try Self.error(Self.service("externalIPs: [↓127.0.0.1]"), minor: 34)
        #expect(message == #"spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)"#)
    }

    @Test func anIPv4MappedLoopbackExternalIPIsRefusedAsLoopbackBefore136() throws {
        let message = try Self.error(Self.service("externalIPs: [↓\"::ffff:127.0.0.1\"]"), minor: 35)
        #expect(message == #"spec.externalIPs[0]: Invalid value: "::ffff:127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)"#)
    }

    @Test func anUnspecifiedIPv6ExternalIPQuotesTheValue() throws {
        let message = try Self.error(Self.service("externalIPs: [↓\"::\"]"), minor: 36)
        #expect(message == #"spec.externalIPs[0]: Invalid value: "::": may not be unspecified (::)"#)
    }

    @Test func linkLocalExternalIPsAreRefused() {
        let errors = Self.errors(Self.service("externalIPs: [169.254.169.254, \"fe80::1\", 224.0.0.5, \"ff12::1\"]"), minor: 36)
        #expect(errors == [
            #"spec.externalIPs[0]: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16, fe80::/10)"#,
            #"spec.externalIPs[1]: Invalid value: "fe80::1": may not be in the link-local range (169.254.0.0/16, fe80::/10)"#,
            #"spec.externalIPs[2]: Invalid value: "224.0.0.5": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"#,
            #"spec.externalIPs[3]: Invalid value: "ff12::1": may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"#,
        ])
    }

    @Test func anExternalIPWithLeadingZerosIsOnlyAWarningUpTo135() {
        #expect(Self.errors(Self.service("externalIPs: [192.000.2.10]"), minor: 35).isEmpty)
    }

    @Test func anExternalIPWithLeadingZerosIsRefusedFrom136() throws {
        let message = try Self.error(Self.service("externalIPs: [↓192.000.2.10]"), minor: 36)
        #expect(message == #"spec.externalIPs[0]: Invalid value: "192.000.2.10": must not have leading 0s"#)
    }

    @Test func aLoadBalancerIPIsNotValidated() {
        let text = Self.service("type: LoadBalancer\n  loadBalancerIP: not-an-ip")
        #expect(!Self.errors(text, minor: 36).contains { $0.contains("loadBalancerIP") })
    }

    static func deployment(_ podSpec: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: nginx:1.27}]
        \(podSpec)
        """
    }

    @Test func aHostAliasWithLeadingZerosIsRefusedInATemplateFrom136() throws {
        let message = try Self.error(Self.deployment("      hostAliases: [{ip: ↓010.0.0.5, hostnames: [db]}]"), minor: 36)
        #expect(message == #"spec.template.spec.hostAliases[0].ip: Invalid value: "010.0.0.5": must not have leading 0s"#)
    }

    @Test func aHostAliasWithLeadingZerosIsAcceptedUpTo135() {
        #expect(Self.errors(Self.deployment("      hostAliases: [{ip: 010.0.0.5, hostnames: [db]}]"), minor: 35).isEmpty)
    }

    @Test func anIPv4MappedNameserverIsRefusedFrom136() throws {
        let message = try Self.error(
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx:1.27}]\n"
                + "  dnsConfig:\n    nameservers: [↓\"::ffff:1.1.1.1\"]\n",
            minor: 36)
        #expect(message == #"spec.dnsConfig.nameservers[0]: Invalid value: "::ffff:1.1.1.1": must not be an IPv4-mapped IPv6 address"#)
    }

    @Test func aNameserverThatIsAHostNameIsRefusedInEveryVersion() throws {
        let message = try Self.error(
            Self.deployment("      dnsConfig: {nameservers: [↓dns.example.com]}"), minor: 30)
        #expect(message == #"spec.template.spec.dnsConfig.nameservers[0]: Invalid value: "dns.example.com": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"#)
    }
}
