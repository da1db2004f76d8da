import KubePlan
import Testing

@testable import KubeEmit

/// Names that cannot be DNS labels never reach a zone file; each becomes a diagnostic.
@Suite("DNS zone emitter: invalid names")
struct DNSZoneEmitterNameTests {
    private func emit(_ services: [ServiceState], domain: String = "cluster.local") -> (text: String, rules: [String]) {
        var state = ClusterState()
        state.settings.clusterDomain = domain
        state.services = services
        let result = DNSZoneEmitter.emit(state)
        return (result.files.map(\.text).joined(), result.diagnostics.map(\.rule))
    }

    @Test(arguments: [
        "Web", "web_1", "-web", "web.", "wéb", "web\nevil IN A 1.2.3.4", String(repeating: "a", count: 64), "",
    ])
    func invalidServiceNameIsReportedAndLeftOut(name: String) {
        let service = ServiceState(namespace: "prod", name: name, clusterIPs: [.v4(0x0A60_0063)])
        let result = emit([service])
        #expect(result.rules == [DNSRuleID.invalidLabel])
        #expect(!result.text.contains("10.96.0.99"))
    }

    @Test func invalidEndpointHostnameKeepsServiceRecordsButNoName() {
        let endpoint = EndpointState(ip: .v4(0x0AF4_0105), port: 80, hostname: "Bad_Host")
        let service = ServiceState(
            namespace: "prod", name: "db", isHeadless: true,
            ports: [ServicePortState(name: "http", port: 80, targetPort: .number(80), endpoints: [endpoint])])
        let result = emit([service])
        #expect(result.rules == [DNSRuleID.invalidLabel])
        #expect(!result.text.contains("Bad_Host"))
    }

    @Test func nameLongerThan255OctetsIsReported() {
        let label = String(repeating: "a", count: 63)
        let service = ServiceState(namespace: label, name: label, clusterIPs: [.v4(0x0A60_0063)])
        let result = emit([service], domain: "\(label).\(label).local")
        #expect(result.rules == [DNSRuleID.nameTooLong])
        #expect(!result.text.contains("10.96.0.99"))
    }

    @Test(arguments: ["Cluster.Local", "cluster..local", "cluster local", "cluster.local;", ""])
    func invalidClusterDomainWritesNoZone(domain: String) {
        var state = ClusterState()
        state.settings.clusterDomain = domain
        let result = DNSZoneEmitter.emit(state)
        #expect(result.files.isEmpty)
        #expect(result.diagnostics.map(\.rule) == [DNSRuleID.invalidClusterDomain])
    }

    @Test(arguments: ["Example.COM", "exa mple.com", "example.com.;x", "-bad.example.com"])
    func invalidExternalNameIsReported(target: String) {
        let service = ServiceState(namespace: "prod", name: "ext", type: .externalName, externalName: target)
        let result = emit([service])
        #expect(result.rules == [DNSRuleID.invalidExternalName])
        #expect(!result.text.contains("CNAME"))
    }

    @Test func diagnosticsPointAtTheService() {
        let service = ServiceState(namespace: "prod", name: "Web", clusterIPs: [.v4(1)])
        var state = ClusterState()
        state.services = [service]
        let diagnostic = DNSZoneEmitter.emit(state).diagnostics.first
        #expect(diagnostic?.object?.displayName == "Service prod/Web")
        #expect(diagnostic?.path == "metadata.name")
    }
}
