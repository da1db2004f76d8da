import KubeModel
import KubeYAML

/// ConfigMap data that holds a credential: a private key, a URL with a password, a token with a known prefix, or
/// a literal value under a credential's name (also as a line of a configuration file kept in the ConfigMap).
package struct ConfigMapSensitiveDataRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "configmap-sensitive-data",
        name: "Credential In ConfigMap",
        summary: "A ConfigMap value holds a private key, a password in a URL, a known token, or a literal credential",
        rationale: """
            ConfigMaps are readable by anyone who may read the namespace's configuration, are not encrypted at \
            rest by the secrets provider, and end up in logs and dashboards. Polaris flags any key whose name \
            contains password, token, bearer or secret, whatever the value — `secret-name: db-creds`, \
            `token-ttl: 3600`, `enable-token-auth: "true"` and `GOOGLE_APPLICATION_CREDENTIALS: /var/run/key.json` \
            (a path) all fail there. kubec asks for a value that could be the credential itself (not empty, a \
            reference, a switch, a number, a duration, a path or a URL), also looks at the lines of configuration \
            files kept in the ConfigMap (`db.password=...`), and reports private keys, passwords in URLs and \
            tokens with a fixed prefix under any name. The message never repeats the value.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(kubeLinter: ["configmap-with-credentials"], polaris: ["sensitiveConfigmapContent"]),
        triggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: app
            data:
              DB_PASSWORD: ↓hunter2
              DATABASE_URL: ↓postgres://app:s3cr3t@db:5432/app
              application.properties: ↓|
                server.port=8080
                spring.datasource.password=hunter2
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: app
            data:
              secret-name: db-credentials
              token-ttl: "3600"
              enable-token-auth: "true"
              GOOGLE_APPLICATION_CREDENTIALS: /var/run/secrets/google/key.json
              DB_PASSWORD: ""
              API_TOKEN: $(API_TOKEN)
              OIDC_TOKEN_URL: https://auth.example.com/oauth/token
              TOKEN_HEADER: X-Auth-Token
              password-hash-algorithm: bcrypt
              DATABASE_URL: postgres://app@db:5432/app
              application.properties: |
                spring.datasource.password=${DB_PASSWORD}
                password.min-length=12
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "ConfigMap") {
            guard let data = object.node["data"], data.isMapping else { continue }
            for (key, value) in data.pairs {
                guard let name = key.text, let text = value.text, !text.isEmpty,
                    let message = Self.finding(name: name, value: text)
                else { continue }
                sink.report(
                    object, at: value, "ConfigMap key \(FieldValue.quote(name)) \(message)",
                    hint: "move it to a Secret and mount it or reference it with secretKeyRef")
            }
        }
    }

    /// What a data entry holds, as the end of a message; nil when it looks harmless.
    package static func finding(name: String, value: String) -> String? {
        if CredentialText.isCertainlyHarmless(name: name, value: value) { return nil }
        return fullFinding(name: name, value: value)
    }

    /// `finding(name:value:)` without the byte scan that clears most entries first.
    package static func fullFinding(name: String, value: String) -> String? {
        if let strong = CredentialText.strongFinding(in: value) { return describe(strong) }
        guard value.contains("\n") else {
            return CredentialText.namesCredential(name) && CredentialText.couldBeLiteral(value)
                ? "holds a literal credential" : nil
        }
        for (number, line) in value.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let setting = CredentialText.setting(in: line), CredentialText.namesCredential(setting.name),
                CredentialText.couldBeLiteral(setting.value)
            else { continue }
            return "sets \(FieldValue.quote(setting.name)) to a literal credential (line \(number + 1) of the value)"
        }
        return nil
    }

    private static func describe(_ finding: CredentialText.Finding) -> String {
        switch finding {
        case .privateKey: "holds a PEM private key"
        case .urlPassword: "holds a URL with a password in it"
        case .knownToken(let kind): "holds what looks like a \(kind)"
        }
    }
}
