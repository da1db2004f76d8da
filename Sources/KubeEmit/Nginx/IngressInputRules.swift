import KubeModel
import KubePlan

/// The API server's and ingress-nginx's input checks, applied again before anything reaches nginx.conf.
///
/// kubec may be fed objects the API server never saw, so the emitter trusts nothing: hosts must be
/// DNS-1123 subdomains (or `*.` plus one), Exact and Prefix paths must pass ingress-nginx's
/// `strict-validate-path-type` charset and the API's `/` rules, names must be DNS labels. Each check returns
/// a reason to refuse, or nil.
enum IngressInputRules {
    /// A host as `spec.rules[].host` and `spec.tls[].hosts[]` allow it: a DNS-1123 subdomain, or `*.` + one.
    static func hostProblem(_ host: String) -> String? {
        if let refusal = NginxText.refusal(host) { return "host \(NginxText.describe(refusal))" }
        // The API server's host rules, plus DNS's 63-byte label limit (nginx matches DNS names).
        let facts = IngressSyntax.host(host)
        guard facts.isSubdomain, facts.longLabel == nil else {
            return "host '\(NginxText.excerpt(host))' is not a lower-case DNS name (or '*.' followed by one)"
        }
        if facts.isIPAddress { return "host '\(host)' is an IP address; Ingress hosts must be names" }
        return nil
    }

    /// A path of the given type; Exact and Prefix follow ingress-nginx's strict charset `^/[A-Za-z0-9._/-]*$`.
    static func pathProblem(_ path: String, type: IngressPathState.PathType) -> String? {
        if type == .implementationSpecific {
            if path.isEmpty { return nil }
            guard path.hasPrefix("/") else { return "path '\(NginxText.excerpt(path))' must start with '/'" }
            if let refusal = NginxText.refusal(path) { return "path \(NginxText.describe(refusal))" }
            return nil
        }
        guard path.hasPrefix("/") else { return "path '\(NginxText.excerpt(path))' must start with '/'" }
        if path.utf8.count > NginxText.maximumTokenLength {
            return "path is longer than \(NginxText.maximumTokenLength) bytes"
        }
        guard path.utf8.allSatisfy({ isStrictPathByte($0) }) else {
            return "\(type.rawValue) path '\(NginxText.excerpt(path))' may only contain letters, digits, '.', '_', '-' "
                + "and '/'; use pathType ImplementationSpecific for anything else"
        }
        switch IngressSyntax.pathViolations(path).first {
        case .contains(let bad): return "path must not contain '\(bad)'"
        case .endsWith(let bad): return "path must not end with '\(bad)'"
        case nil: return nil
        }
    }

    /// An RFC 1123 label (namespaces, Service names, relaxed).
    static func isLabel(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last, bytes.count <= 63 else { return false }
        guard isLowerAlphanumeric(first), isLowerAlphanumeric(last) else { return false }
        return bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// IANA_SVC_NAME: at most 15 of `[-a-z0-9]`, a letter somewhere, no `--`, no leading or trailing `-`.
    static func isPortName(_ text: String) -> Bool {
        isLabel(text) && text.utf8.count <= 15 && !text.contains("--") && text.utf8.contains { $0 >= 97 && $0 <= 122 }
    }

    /// A DNS-1123 subdomain (object names such as Ingress and Secret names).
    static func isSubdomain<S: StringProtocol>(_ text: S) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 253 else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isLabel(String($0)) }
    }

    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
    }

    private static func isStrictPathByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57)
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "/")
    }
}
