import KubeLint
import Testing

/// `configmap-sensitive-data`: what it reports, and that it never repeats the value it found.
struct ConfigMapSensitiveDataTests {
    private func messages(_ data: String) -> [String] {
        let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata:\n" + data
        return Lint.run(text).filter { $0.rule == "configmap-sensitive-data" }.map(\.message)
    }

    @Test func aPrivateKeyIsReportedUnderAnyName() {
        let found = messages("  tls.pem: |\n    -----BEGIN RSA PRIVATE KEY-----\n    MIIEow\n    -----END RSA PRIVATE KEY-----\n")
        #expect(found == [#"ConfigMap key "tls.pem" holds a PEM private key"#])
    }

    @Test func aKnownTokenIsNamedButNotRepeated() {
        let token = "ghp_" + String(repeating: "a1B2", count: 9)
        let found = messages("  notes: \"deploy with \(token)\"\n")
        #expect(found == [#"ConfigMap key "notes" holds what looks like a GitHub token"#])
        #expect(!found.joined().contains(token))
    }

    @Test func aCredentialLineOfAConfigFileNamesTheSettingAndLine() {
        let found = messages("  app.ini: |\n    [db]\n    user = app\n    password = hunter2\n")
        #expect(found == [#"ConfigMap key "app.ini" sets "password" to a literal credential (line 3 of the value)"#])
        #expect(!found.joined().contains("hunter2"))
    }
}
