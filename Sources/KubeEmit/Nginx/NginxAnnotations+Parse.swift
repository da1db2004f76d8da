import KubeModel
import KubePlan
import KubeYAML

/// One finding of the annotation parser: the annotation key, what is wrong, and how bad it is.
struct AnnotationFinding: Sendable {
    var key: String
    var message: String
    var rule: String
    var severity: Severity
}

extension NginxAnnotations {
    /// Parses the supported annotations of one Ingress.
    ///
    /// Returns nil when the Ingress must be refused (an invalid
    /// value, a snippet, or an unsupported access-control annotation); findings explain why.
    static func parse(_ annotations: [String: String]) -> (value: NginxAnnotations?, findings: [AnnotationFinding]) {
        var result = NginxAnnotations()
        var findings: [AnnotationFinding] = []
        var refused = false
        func refuse(_ key: String, _ message: String, rule: String = NginxRuleID.invalidAnnotation) {
            findings.append(AnnotationFinding(key: key, message: message, rule: rule, severity: .error))
            refused = true
        }
        let owned = annotations.filter { $0.key.hasPrefix(prefix) }
        for key in owned.keys.sorted() {
            let name = String(key.dropFirst(prefix.count))
            let value = owned[key] ?? ""
            if snippetKeys.contains(name) {
                refuse(
                    key, "snippet annotations are raw nginx directives and are never emitted; the Ingress is refused",
                    rule: NginxRuleID.snippetRefused)
                continue
            }
            guard supportedKeys.contains(name) else {
                if isAccessControl(name) {
                    refuse(
                        key,
                        "'\(name)' is not supported and ignoring it would remove access control; the Ingress is refused",
                        rule: NginxRuleID.unsupportedAnnotation)
                } else {
                    findings.append(
                        AnnotationFinding(
                            key: key, message: "'\(name)' is not supported by kubec and is ignored",
                            rule: NginxRuleID.unsupportedAnnotation, severity: .warning))
                }
                continue
            }
            if let problem = apply(name, value, to: &result) {
                refuse(key, "value '\(NginxText.excerpt(value))' is invalid: \(problem)")
            }
        }
        if let redirect = result.redirect {
            let code = redirect.code == 301 ? result.redirectCodes[0] : result.redirectCodes[1]
            result.redirect?.code = code ?? redirect.code
        }
        if result.sticky != nil {
            result.sticky = StickyCookie(name: result.cookieName ?? "INGRESSCOOKIE", path: result.cookiePath ?? "/")
        }
        return (refused ? nil : result, findings)
    }

    /// Applies one supported annotation, or says why its value is invalid.
    private static func apply(_ name: String, _ value: String, to result: inout NginxAnnotations) -> String? {
        switch name {
        case "rewrite-target":
            guard isRewriteTarget(value) else {
                return "expected a path starting with '/' of letters, digits, '-._~/:' and capture references '$1'…'$9'"
            }
            result.rewriteTarget = value
        case "use-regex": return bool(value) { result.useRegex = $0 }
        case "ssl-redirect": return bool(value) { result.sslRedirect = $0 }
        case "force-ssl-redirect": return bool(value) { result.forceSSLRedirect = $0 }
        case "backend-protocol":
            guard let proto = BackendProtocol(rawValue: value.uppercased()), value.utf8.count <= 5 else {
                return "expected HTTP, HTTPS, GRPC or GRPCS (AUTO_HTTP and FCGI are not supported)"
            }
            result.backendProtocol = proto
        case "proxy-body-size":
            guard isSize(value) else { return "expected an nginx size such as '8m' (digits, optional k, m or g)" }
            result.proxyBodySize = value
        case "proxy-connect-timeout", "proxy-read-timeout", "proxy-send-timeout":
            guard let seconds = seconds(value) else { return "expected whole seconds without a unit, e.g. '60'" }
            switch name {
            case "proxy-connect-timeout": result.connectTimeout = seconds
            case "proxy-read-timeout": result.readTimeout = seconds
            default: result.sendTimeout = seconds
            }
        case "whitelist-source-range", "allowlist-source-range":
            guard let ranges = sourceRanges(value) else { return "expected comma-separated IP addresses or CIDRs" }
            // allowlist-source-range is the current name; it wins over its alias when both are set.
            if name == "allowlist-source-range" || result.allowSourceRanges == nil { result.allowSourceRanges = ranges }
        case "app-root":
            guard isPlainPath(value) else { return "expected a path of letters, digits, '-._~/' starting with '/'" }
            result.appRoot = value
        case "permanent-redirect", "temporal-redirect":
            guard isRedirectURL(value) else {
                return "expected 'http(s)://host[:port]/path' or '/path' of letters, digits and '-._~/:,?&=%+'"
            }
            if name == "permanent-redirect" || result.redirect == nil {
                result.redirect = Redirect(code: name == "permanent-redirect" ? 301 : 302, url: value)
            }
        case "permanent-redirect-code", "temporal-redirect-code":
            guard let code = Int(value), value.utf8.count == 3, (300...308).contains(code) else {
                return "expected a redirect status code from 300 to 308"
            }
            result.redirectCodes[name == "permanent-redirect-code" ? 0 : 1] = code
        case "affinity":
            guard value == "cookie" else { return "expected 'cookie'" }
            if result.sticky == nil { result.sticky = StickyCookie(name: "INGRESSCOOKIE", path: "/") }
        case "session-cookie-name":
            guard !value.isEmpty, value.utf8.count <= 64, value.utf8.allSatisfy({ isWordByte($0) }) else {
                return "expected 1 to 64 letters, digits or '_'"
            }
            result.cookieName = value
        case "session-cookie-path":
            guard isPlainPath(value) else { return "expected a path of letters, digits, '-._~/' starting with '/'" }
            result.cookiePath = value
        default: break
        }
        return nil
    }

    private static func bool(_ value: String, _ set: (Bool) -> Void) -> String? {
        switch value {
        case "true", "True", "TRUE", "t", "T", "1": set(true)
        case "false", "False", "FALSE", "f", "F", "0": set(false)
        default: return "expected 'true' or 'false'"
        }
        return nil
    }

    private static func isRewriteTarget(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.first == UInt8(ascii: "/"), bytes.count <= NginxText.maximumTokenLength else { return false }
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "$") {
                guard index + 1 < bytes.count, bytes[index + 1] >= 48, bytes[index + 1] <= 57 else { return false }
            } else if !isURLPathByte(byte) {
                return false
            }
        }
        return true
    }

    private static func isSize(_ value: String) -> Bool {
        var digits = Substring(value)
        if let last = digits.last, "kKmMgG".contains(last) { digits = digits.dropLast() }
        return !digits.isEmpty && digits.count <= 9 && digits.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    private static func seconds(_ value: String) -> Int? {
        guard !value.isEmpty, value.utf8.count <= 6, value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(value)
    }

    private static func sourceRanges(_ value: String) -> [String]? {
        guard value.utf8.count <= 64 * 1024 else { return nil }
        var ranges: [String] = []
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
            let text = part.trimmingSpaces
            if let cidr = CIDR(text) {
                ranges.append(cidr.description)
            } else if let address = IPAddress(text) {
                ranges.append(address.description)
            } else {
                return nil
            }
        }
        return ranges.isEmpty ? nil : ranges
    }

    private static func isPlainPath(_ value: String) -> Bool {
        value.hasPrefix("/") && value.utf8.count <= NginxText.maximumTokenLength && value.utf8.allSatisfy(isURLPathByte)
    }

    /// `http(s)://host[:port]` optionally followed by a path, or a bare path; never `$`, quotes or spaces.
    private static func isRedirectURL(_ value: String) -> Bool {
        guard value.utf8.count <= NginxText.maximumTokenLength else { return false }
        var rest = Substring(value)
        for scheme in ["https://", "http://"] where rest.hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
            let authority = rest.prefix { $0 != "/" && $0 != "?" }
            let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let host = parts.first, !host.isEmpty,
                host.utf8.allSatisfy({
                    isWordByte($0) && $0 != UInt8(ascii: "_") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
                })
            else { return false }
            if parts.count == 2 {
                guard let port = Int(parts[1]), (1...65535).contains(port), parts[1].utf8.count <= 5 else {
                    return false
                }
            }
            rest = rest.dropFirst(authority.count)
            if rest.isEmpty { return true }
            break
        }
        // A bare path must not start with `//`: browsers read that as another host.
        guard rest.hasPrefix("/"), !rest.hasPrefix("//") else { return false }
        return rest.utf8.allSatisfy { isURLPathByte($0) || ",?&=%+".utf8.contains($0) }
    }

    /// Unreserved URL characters plus `/` and `:`.
    private static func isURLPathByte(_ byte: UInt8) -> Bool {
        isWordByte(byte) && byte != UInt8(ascii: "_") || "-._~/:".utf8.contains(byte)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
            || byte == UInt8(ascii: "_")
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
