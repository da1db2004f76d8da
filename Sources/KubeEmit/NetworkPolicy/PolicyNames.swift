/// Stable names for policy chains and ipsets: a prefix plus kube-proxy's 16-character base32 sha256 suffix.
///
/// kube-router puts a sync timestamp into its hashes; we hash only identities, so names never churn.
enum PolicyNames {
    /// The 16 base32 characters kube-proxy uses in chain names, for any input.
    static func suffix(_ input: String) -> String {
        String(ChainName.hashed(.svc, input).text.dropFirst("KUBE-SVC-".count))
    }

    /// `KUBE-NWP-IN-…` or `KUBE-NWP-EG-…` for one pod (25 characters, under iptables' 28).
    static func podChain(namespace: String, pod: String, egress: Bool) -> String {
        (egress ? "KUBE-NWP-EG-" : "KUBE-NWP-IN-") + suffix("\(namespace)/\(pod)")
    }

    /// `KNP-…` for one peer set (20 characters, under ipset's 31).
    static func set(_ parts: [String]) -> String {
        "KNP-" + suffix(parts.joined(separator: "/"))
    }

    /// Text for `-m comment --comment "…"` and ipset comments: object names are DNS names when the API
    /// accepted them, but `--force` compiles input that failed lint, so anything outside `[A-Za-z0-9./_ =:-]`
    /// becomes `_` and the length is capped (iptables allows 256).
    static func comment(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars.prefix(200) {
            let allowed = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || ". /_=:-#".unicodeScalars.contains(scalar)
            result.unicodeScalars.append(allowed ? scalar : "_")
        }
        return result
    }

    static let forwardChain = "KUBE-NWP-FORWARD"
    static let outputChain = "KUBE-NWP-OUTPUT"
}
