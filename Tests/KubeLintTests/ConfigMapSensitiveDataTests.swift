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

/// The byte scan that clears harmless entries first never clears one the full check would report.
struct ConfigMapSensitiveDataScanTests {
    private static let names = [
        "password", "dbPassword", "DB_PASSWORD", "token-ttl", "api.key", "apiKey", "Bearer", "secret_name", "x1b",
        "LOG_LEVEL", "settings.yaml", "passwd", "PRIVATE-KEY", "enable_token", "MyApiKey", "1bearer", "a1Token",
        "p\u{E4}ssword", "cluster-token", "oauth/token", "TOKEN_URL", "", "secret file",
    ]
    private static let pieces = [
        "password = hunter2", "export API_TOKEN=abc123", "'secret': 'x9'", "\"apiKey\": \"q\"", "# password=x",
        "// token: y", "; secret=z", "url: postgres://a:b@c/d", "ghp_" + String(repeating: "a1", count: 20),
        "AKIAABCDEFGHIJKLMNOP", "-----BEGIN RSA PRIVATE KEY-----", "tls: true", "token: ${TOKEN}", "listen: 0.0.0.0:80",
        "workers: 3", "  dbPassword :  s3cr3t ,", "bearer=abc", "xoxb-" + String(repeating: "1", count: 24),
        "sk_live_" + String(repeating: "z", count: 24), "key\r\npassword=x", "p\u{E4}ssword = x", "", "hunter2",
        "TOKEN_HEADER: X-Auth", "1b = value", "a b: c", "glpat-" + String(repeating: "k", count: 20),
    ]

    @Test func theScanAgreesWithTheFullCheck() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var disagreements: [String] = []
        var cleared = 0
        for _ in 0..<4000 {
            let name = Self.names[next(Self.names.count)]
            let lines = (0...next(4)).map { _ in Self.pieces[next(Self.pieces.count)] }
            let value = lines.joined(separator: next(3) == 0 ? "\n" : (next(2) == 0 ? " " : ""))
            let fast = ConfigMapSensitiveDataRule.finding(name: name, value: value)
            if fast == nil { cleared += 1 }
            if fast != ConfigMapSensitiveDataRule.fullFinding(name: name, value: value) {
                disagreements.append("\(name) = \(value)")
            }
        }
        #expect(disagreements.isEmpty)
        #expect(cleared > 0)
    }
}
