import KubeLint
import KubeTestSupport
import Testing

/// `dnsPolicy` and `dnsConfig` as the API server checks them (`validateDNSPolicy`, `validatePodDNSConfig`):
/// the four policies, a nameserver for `None`, the search list's limits (6 domains and 256 characters until
/// 1.25, 32 and 2048 from 1.26), search domains as DNS subdomains (underscores and `.` from 1.33), option names.
struct PodDNSConfigTests {
    static func error(_ marked: String, minor: Int) throws -> String {
        try TooLongWordingByVersionTests.error(marked, minor: minor)
    }

    static func errors(_ text: String, minor: Int) -> [String] {
        IPFieldValidationTests.errors(text, minor: minor)
    }

    static func pod(_ spec: String) -> String {
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx:1.27}]\n" + spec
    }

    static func searches(_ names: [String]) -> String {
        pod("  dnsConfig:\n    searches: ↓[" + names.joined(separator: ", ") + "]\n")
    }

    static func json(_ names: [String]) -> String {
        "[" + names.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }

    @Test func anUnknownPolicyIsUnsupported() throws {
        let message = try Self.error(Self.pod("  dnsPolicy: ↓ClusterFirstWithHostNetwork\n"), minor: 36)
        #expect(message == #"spec.dnsPolicy: Unsupported value: "ClusterFirstWithHostNetwork": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None""#)
    }

    @Test func policyNoneWithoutDNSConfigIsReportedAtThePolicy() throws {
        let text = IPFieldValidationTests.deployment("      dnsPolicy: ↓None")
        let message = try Self.error(text, minor: 30)
        #expect(message == "spec.template.spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None")
    }

    @Test func policyNoneWithoutNameserversIsReportedAtTheConfigAndStopsThere() throws {
        let text = Self.pod("  dnsPolicy: None\n  dnsConfig: ↓{searches: [Bad_Name], options: [{value: \"2\"}]}\n")
        let message = try Self.error(text, minor: 36)
        #expect(message == "spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None")
    }

    @Test func policyNoneWithAnEmptyNameserverListIsReportedAtTheList() throws {
        let message = try Self.error(Self.pod("  dnsPolicy: None\n  dnsConfig: {nameservers: ↓[]}\n"), minor: 36)
        #expect(message == "spec.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when `dnsPolicy` is None")
    }

    @Test func moreThan32SearchDomainsAreRefusedFrom126() throws {
        let names = (1...33).map { "d\($0).example.com" }
        let message = try Self.error(Self.searches(names), minor: 26)
        #expect(message == "spec.dnsConfig.searches: Invalid value: \(Self.json(names)): must not have more than 32 search paths")
    }

    @Test func thirtyTwoSearchDomainsAreAccepted() {
        let names = (1...32).map { "d\($0).example.com" }
        #expect(Self.errors(Self.searches(names).replacingOccurrences(of: "↓", with: ""), minor: 36).isEmpty)
    }

    @Test func moreThan6SearchDomainsAreRefusedUpTo125() throws {
        let names = (1...7).map { "d\($0).example.com" }
        let message = try Self.error(Self.searches(names), minor: 25)
        #expect(message == "spec.dnsConfig.searches: Invalid value: \(Self.json(names)): must not have more than 6 search paths")
    }

    @Test func aSearchListLongerThan2048CharactersWithSpacesIsRefused() throws {
        // Eight names of 253 characters and one of 17: 2024 + 17 + 8 spaces = 2049.
        let names = Array(repeating: String(repeating: "a", count: 253), count: 8) + [String(repeating: "b", count: 17)]
        let message = try Self.error(Self.searches(names), minor: 36)
        #expect(message == "spec.dnsConfig.searches: Invalid value: \(Self.json(names)): must not have more than 2048 characters (including spaces) in the search list")
    }

    @Test func aSearchListOfExactly2048CharactersIsAccepted() {
        let names = Array(repeating: String(repeating: "a", count: 253), count: 8) + [String(repeating: "b", count: 16)]
        #expect(Self.errors(Self.searches(names).replacingOccurrences(of: "↓", with: ""), minor: 36).isEmpty)
    }

    @Test func aSearchListLongerThan256CharactersIsRefusedUpTo125() throws {
        let names = [String(repeating: "a", count: 128), String(repeating: "b", count: 128)]
        let message = try Self.error(Self.searches(names), minor: 25)
        #expect(message == "spec.dnsConfig.searches: Invalid value: \(Self.json(names)): must not have more than 256 characters (including spaces) in the search list")
    }

    @Test func anUppercaseSearchDomainIsRefusedWithoutItsTrailingDot() throws {
        let message = try Self.error(Self.pod("  dnsConfig: {searches: [↓Corp.Example.com.]}\n"), minor: 36)
        #expect(message == #"spec.dnsConfig.searches[0]: Invalid value: "Corp.Example.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?(\._?[a-z0-9]([-_a-z0-9]*[a-z0-9])?)*')"#)
    }

    @Test func aSearchDomainWithATrailingDotIsAcceptedInEveryVersion() {
        #expect(Self.errors(Self.pod("  dnsConfig: {searches: [corp.example.com.]}\n"), minor: 25).isEmpty)
    }

    @Test func anUnderscoreInASearchDomainIsRefusedUpTo132() throws {
        let message = try Self.error(Self.pod("  dnsConfig: {searches: [↓_ldap._tcp.example.com]}\n"), minor: 32)
        #expect(message == #"spec.dnsConfig.searches[0]: Invalid value: "_ldap._tcp.example.com": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"#)
    }

    @Test func anUnderscoreInASearchDomainIsAcceptedFrom133() {
        #expect(Self.errors(Self.pod("  dnsConfig: {searches: [_ldap._tcp.example.com]}\n"), minor: 33).isEmpty)
    }

    @Test func aDotAloneAsSearchDomainIsRefusedUpTo132AsAnEmptyName() throws {
        let message = try Self.error(Self.pod("  dnsConfig: {searches: [↓.]}\n"), minor: 32)
        #expect(message.hasPrefix(#"spec.dnsConfig.searches[0]: Invalid value: "": a lowercase RFC 1123 subdomain"#))
    }

    @Test func aDotAloneAsSearchDomainIsAcceptedFrom133() {
        #expect(Self.errors(Self.pod("  dnsConfig: {searches: [.]}\n"), minor: 33).isEmpty)
    }

    @Test func anOptionWithoutANameIsRequired() throws {
        let text = Self.pod("  dnsConfig:\n    options:\n    - {name: ndots, value: \"2\"}\n    - ↓value: \"3\"\n")
        let message = try Self.error(text, minor: 36)
        #expect(message == "spec.dnsConfig.options[1]: Required value: must not be empty")
    }
}
