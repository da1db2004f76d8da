import KubeLint
import Testing

/// apimachinery's validators: verdicts and exact messages.
struct NameValidationTests {
    @Test func dns1123LabelMessageIsTheAPIServers() {
        #expect(NameValidation.dns1123Label("My_Name") == [
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        ])
        #expect(NameValidation.dns1123Label(String(repeating: "a", count: 64)) == ["must be no more than 63 characters"])
    }

    @Test(arguments: [("web", true), ("web.example", true), ("-web", false), ("web-", false), ("Web", false), ("a..b", false), ("", false)])
    func dns1123Subdomains(_ name: String, _ valid: Bool) {
        #expect(NameValidation.dns1123Subdomain(name).isEmpty == valid)
    }

    @Test(arguments: [("web", true), ("1web", false), ("web-1", true), ("web.a", false)])
    func dns1035Labels(_ name: String, _ valid: Bool) {
        #expect(NameValidation.dns1035Label(name).isEmpty == valid)
    }

    @Test(arguments: [
        ("app", true), ("app.kubernetes.io/name", true), ("example.com/", false), ("/name", false), ("a/b/c", false),
        ("Under_score.Dot-dash", true), ("-x", false), ("UPPER.com/x", false),
    ])
    func qualifiedNames(_ key: String, _ valid: Bool) {
        #expect(NameValidation.qualifiedName(key).isEmpty == valid)
    }

    @Test(arguments: [
        ("http", []), ("metrics-exporter-http", ["must be no more than 15 characters"]),
        ("a--b", ["must not contain consecutive hyphens"]), ("-a", ["must not begin or end with a hyphen"]),
        ("8080", ["must contain at least one letter (a-z)"]),
        ("Http", ["must contain only alpha-numerics (a-z, 0-9), and hyphens (-)"]),
    ])
    func portNamesFollowIANASvcName(_ name: String, _ errors: [String]) {
        #expect(NameValidation.portName(name) == errors)
    }

    @Test(arguments: [("MY_VAR", true), ("my.var-1", true), ("1abc", true), ("A=B", false), ("", false), ("tab\t", false)])
    func environmentVariableNamesUseTheRelaxedRule(_ name: String, _ valid: Bool) {
        #expect(NameValidation.environmentVariableName(name).isEmpty == valid)
    }
}
