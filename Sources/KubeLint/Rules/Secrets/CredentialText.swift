/// Telling a credential from text that only talks about one, for `configmap-sensitive-data`.
///
/// Polaris flags every ConfigMap key whose name contains `password`, `token`, `bearer` or `secret`, whatever the
/// value: `secret-name: db-creds`, `token-ttl: 3600` and `GOOGLE_APPLICATION_CREDENTIALS: /var/secrets/key.json`
/// all fail. Here a name only counts together with a value that could be the credential itself, and a few value
/// shapes count whatever the name (a PEM private key, a URL carrying a password, tokens with a fixed prefix).
enum CredentialText {
    /// Why a value was judged a credential; the text never includes the value.
    enum Finding: Equatable {
        case privateKey
        case urlPassword
        case knownToken(String)
    }

    /// A key name in the form `namesCredential` reads: upper case, words joined by `_` (`db.password`,
    /// `db-password` and `dbPassword` all become `DB_PASSWORD`).
    static func normalizedName(_ name: String) -> String {
        var result = ""
        var previousLower = false
        for character in name {
            if character == "-" || character == "." || character == " " || character == "/" {
                result.append("_")
                previousLower = false
            } else if character.isUppercase {
                if previousLower { result.append("_") }
                result.append(character)
                previousLower = false
            } else {
                result += character.uppercased()
                previousLower = character.isLowercase || character.isNumber
            }
        }
        return result
    }

    /// Name endings and beginnings that say the setting is about a credential, not one (a URL to fetch a token
    /// from, a switch, a length, a lifetime).
    private static let harmlessEndings = [
        "_URL", "_URI", "_ENDPOINT", "_HOST", "_PORT", "_HEADER", "_ENABLED", "_ENABLE", "_LENGTH", "_TIMEOUT",
        "_EXPIRY", "_EXPIRES", "_EXPIRATION", "_DURATION", "_LIFETIME", "_TYPE", "_MODE", "_POLICY", "_ALGORITHM",
        "_KEY_NAME", "_SECRET_NAME", "_DIR", "_LOCATION", "_PROVIDER", "_AUDIENCE", "_ISSUER", "_SCOPE", "_SCOPES",
    ]
    private static let harmlessBeginnings = ["ENABLE_", "DISABLE_", "USE_", "REQUIRE_", "ALLOW_"]

    /// Whether a key name says it holds a credential.
    static func namesCredential(_ name: String) -> Bool {
        let normalized = normalizedName(name)
        guard SecretValueInEnvVarRule.namesCredential(normalized) || normalized.contains("BEARER") else { return false }
        if harmlessEndings.contains(where: normalized.hasSuffix) { return false }
        return !harmlessBeginnings.contains(where: normalized.hasPrefix)
    }

    /// Whether a one-line value under a credential name could be the credential: not empty, not a reference to
    /// something else (`$(VAR)`, `${VAR}`, a template), not a switch, number, duration, path or plain URL, and not
    /// prose.
    static func couldBeLiteral(_ raw: String) -> Bool {
        let value = raw.trimmingSpaces
        guard !value.isEmpty else { return false }
        if value.contains("$(") || value.contains("${") || value.contains("{{") { return false }
        let switches = ["true", "false", "yes", "no", "on", "off", "null", "none", "~"]
        if switches.contains(value.lowercased()) { return false }
        if value.allSatisfy(\.isNumber) || isDuration(value) { return false }
        if value.hasPrefix("/") || value.hasPrefix("./") || value.hasPrefix("~/") || value.hasPrefix("file:") {
            return false
        }
        if value.contains("://") { return false }
        return value.filter { $0 == " " }.count < 2
    }

    /// `30s`, `1h30m`, `500ms`: a lifetime, not a secret.
    private static func isDuration(_ value: String) -> Bool {
        var sawDigit = false
        var rest = Substring(value)
        while !rest.isEmpty {
            let digits = rest.prefix(while: \.isNumber)
            guard !digits.isEmpty else { return false }
            rest = rest.dropFirst(digits.count)
            let unit = rest.prefix(while: \.isLetter)
            guard ["ns", "us", "ms", "s", "m", "h", "d"].contains(String(unit)) else { return false }
            rest = rest.dropFirst(unit.count)
            sawDigit = true
        }
        return sawDigit
    }

    /// A credential recognisable by the value alone.
    static func strongFinding(in value: String) -> Finding? {
        if value.contains("-----BEGIN"), value.contains("PRIVATE KEY-----") { return .privateKey }
        if hasURLPassword(value) { return .urlPassword }
        for word in value.split(whereSeparator: { " \n\t\"'=:,;".contains($0) }) {
            if let name = tokenKind(word) { return .knownToken(name) }
        }
        return nil
    }

    /// Token formats with a fixed prefix and length, which no setting about a token shares.
    private static func tokenKind(_ word: Substring) -> String? {
        func tail(after prefix: String, atLeast count: Int) -> Bool {
            word.hasPrefix(prefix) && word.dropFirst(prefix.count).count >= count
                && word.dropFirst(prefix.count).allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        }
        for prefix in ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"] where tail(after: prefix, atLeast: 36) {
            return "GitHub token"
        }
        if tail(after: "github_pat_", atLeast: 40) { return "GitHub token" }
        if tail(after: "glpat-", atLeast: 20) { return "GitLab token" }
        for prefix in ["xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-"] where tail(after: prefix, atLeast: 20) {
            return "Slack token"
        }
        if tail(after: "sk_live_", atLeast: 20) { return "Stripe key" }
        if word.count == 20, word.hasPrefix("AKIA") || word.hasPrefix("ASIA"),
            word.allSatisfy({ ($0.isUppercase && $0.isASCII) || $0.isNumber })
        {
            return "AWS access key id"
        }
        return nil
    }

    /// `scheme://user:password@host` with a literal password.
    private static func hasURLPassword(_ value: String) -> Bool {
        let characters = Array(value)
        var index = 0
        while index + 3 <= characters.count {
            defer { index += 1 }
            guard characters[index] == ":", index + 2 < characters.count, characters[index + 1] == "/",
                characters[index + 2] == "/"
            else { continue }
            let authority = characters[(index + 3)...].prefix { !"/ \n\t\"'?#".contains($0) }
            if let at = authority.lastIndex(of: "@") {
                let userInfo = authority[..<at]
                if let colon = userInfo.firstIndex(of: ":") {
                    let password = userInfo[userInfo.index(after: colon)...]
                    if !password.isEmpty, password.first != "$", password.first != "{", password.first != "%" {
                        return true
                    }
                }
            }
        }
        return false
    }

    /// One `name=value`, `name: value` or `"name": "value"` line of a configuration file, unquoted.
    static func setting(in line: Substring) -> (name: String, value: String)? {
        var text = line.trimmingSpaces
        if text.hasPrefix("#") || text.hasPrefix("//") || text.hasPrefix(";") { return nil }
        if text.hasPrefix("export ") { text = String(text.dropFirst(7)) }
        guard let separator = text.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return nil }
        let name = text[..<separator].trimmingSpaces.trimmingQuotes
        var value = text[text.index(after: separator)...].trimmingSpaces
        if value.hasSuffix(",") { value.removeLast() }
        guard !name.isEmpty, !name.contains(" ") else { return nil }
        return (name, value.trimmingSpaces.trimmingQuotes)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        let characters = Array(self)
        func isSpace(_ character: Character) -> Bool { character == " " || character == "\t" || character == "\r" }
        var start = 0
        var end = characters.count
        while start < end, isSpace(characters[start]) { start += 1 }
        while end > start, isSpace(characters[end - 1]) { end -= 1 }
        return String(characters[start..<end])
    }

    /// The text without one pair of surrounding quotes.
    fileprivate var trimmingQuotes: String {
        let text = String(self)
        for quote in ["\"", "'"] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}
