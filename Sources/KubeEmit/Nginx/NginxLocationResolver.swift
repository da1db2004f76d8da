import Foundation
import KubePlan
import KubeYAML

/// Maps declared paths onto nginx locations that implement Ingress path semantics, and picks one winner per
/// location key.
///
/// Plain mode (no regex annotation on the host): Exact `/x` is `location = "/x"`; Prefix `/x` (or `/x/`) is
/// `location "/x/"` plus `location = "/x"`, which makes nginx's string prefix element-wise; Prefix `/` is
/// `location "/"`; ImplementationSpecific is ingress-nginx's plain string prefix. nginx's own precedence
/// (`=` first, then longest prefix) is then the spec's "longest path wins".
///
/// Regex mode (some Ingress on the host sets use-regex or rewrite-target): ImplementationSpecific paths are
/// case-insensitive PCRE `~* "^path"` as in ingress-nginx, but unlike ingress-nginx, Exact and Prefix keep
/// their exact meaning as case-sensitive regexes (`^/x$`, `^/x(/|$)`). Regex locations are written longest
/// path first, Exact before Prefix before ImplementationSpecific at equal length, so nginx's "first regex
/// that matches" is again the longest path.
enum NginxLocationResolver {
    /// Resolves one server's locations; conflicting claims of equal strength become warnings.
    static func resolve(_ server: inout ServerPlan, diagnostics: inout [Diagnostic], ingresses: [String: IngressState])
    {
        let regexMode = server.regexMode
        var best: [LocationKey: LocationCandidate] = [:]
        func claim(_ candidate: LocationCandidate) {
            guard let current = best[candidate.key] else {
                best[candidate.key] = candidate
                return
            }
            let (winner, loser) = candidate.beats(current) ? (candidate, current) : (current, candidate)
            best[candidate.key] = winner
            if winner.length == loser.length, winner.rank == loser.rank, !winner.target.behavesLike(loser.target),
                let ingress = ingresses["\(loser.target.namespace)/\(loser.target.ingressName)"]
            {
                let host = server.host.isEmpty ? "(any host)" : server.host
                diagnostics.append(
                    Reporter(ingress: ingress).make(
                        NginxRuleID.pathConflict, .warning, "spec.rules",
                        "\(loser.pathType) path '\(NginxText.excerpt(loser.path))' on host \(host) is already routed by Ingress "
                            + "\(winner.target.namespace)/\(winner.target.ingressName) to a different backend; this one is ignored",
                        range: loser.source))
            }
        }
        let defaultTarget =
            server.defaultTarget
            ?? RouteTarget(
                namespace: "", ingressName: "", backend: nil, annotations: NginxAnnotations())
        claim(
            LocationCandidate(
                key: .prefix("/"), length: -1, rank: -1, order: Int.max, target: defaultTarget, path: "/",
                pathType: "default", rewriteRegex: "^/", source: nil))
        for declared in server.paths {
            for candidate in candidates(for: declared, regexMode: regexMode) {
                if case .regex(let pattern, _) = candidate.key, declared.type == .implementationSpecific,
                    let problem = regexProblem(pattern)
                {
                    if let ingress = ingresses["\(declared.target.namespace)/\(declared.target.ingressName)"] {
                        diagnostics.append(
                            Reporter(ingress: ingress).error(
                                NginxRuleID.invalidPath, "spec.rules",
                                "path '\(NginxText.excerpt(declared.path))' \(problem) (use-regex is on for this host); "
                                    + "the path is ignored",
                                range: declared.source))
                    }
                    continue
                }
                claim(candidate)
            }
        }
        server.locations = best.values.sorted(by: fileOrder)
    }

    /// The location claims of one declared path.
    static func candidates(for declared: DeclaredPath, regexMode: Bool) -> [LocationCandidate] {
        let path = declared.path
        let length = path.utf8.count
        func make(_ key: LocationKey, _ rank: Int, _ rewrite: String) -> LocationCandidate {
            LocationCandidate(
                key: key, length: length, rank: rank, order: declared.order, target: declared.target,
                path: path, pathType: declared.type.rawValue, rewriteRegex: rewrite, source: declared.source)
        }
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        switch (declared.type, regexMode) {
        case (.exact, false) where path.count > 1 && path.hasSuffix("/"):
            // nginx answers `/foo` with a 301 to `/foo/` when `location = /foo/` proxies (auto_redirect); a regex
            // location has no such redirect, and in plain mode no other regex competes with it.
            let pattern = "^" + NginxText.regexLiteral(path) + "$"
            return [make(.regex(pattern, caseInsensitive: false), 2, pattern)]
        case (.exact, false):
            return [make(.exact(path), 2, "^" + NginxText.regexLiteral(path) + "$")]
        case (.exact, true):
            let pattern = "^" + NginxText.regexLiteral(path) + "$"
            return [make(.regex(pattern, caseInsensitive: false), 2, pattern)]
        case (.prefix, _) where trimmed == "/":
            return [make(.prefix("/"), 1, "^/")]
        case (.prefix, false):
            let rewrite = "^" + NginxText.regexLiteral(trimmed) + "(/|$)"
            return [make(.prefix(trimmed + "/"), 1, rewrite), make(.exact(trimmed), 1, rewrite)]
        case (.prefix, true):
            let pattern = "^" + NginxText.regexLiteral(trimmed) + "(/|$)"
            return [make(.regex(pattern, caseInsensitive: false), 1, pattern)]
        case (.implementationSpecific, false):
            return [make(.prefix(path), 0, "^" + NginxText.regexLiteral(path))]
        case (.implementationSpecific, true):
            return [make(.regex("^" + path, caseInsensitive: true), 0, "(?i)^" + path)]
        }
    }

    /// Exact locations, then regex locations in match order, then prefix locations.
    private static func fileOrder(_ lhs: LocationCandidate, _ rhs: LocationCandidate) -> Bool {
        switch (lhs.key, rhs.key) {
        case (.exact(let a), .exact(let b)): return a < b
        case (.exact, _): return true
        case (_, .exact): return false
        case (.regex(let a, _), .regex(let b, _)):
            if lhs.length != rhs.length { return lhs.length > rhs.length }
            if lhs.rank != rhs.rank { return lhs.rank > rhs.rank }
            return a > b
        case (.regex, _): return true
        case (_, .regex): return false
        case (.prefix(let a), .prefix(let b)): return a < b
        }
    }

    /// Why a regex path cannot be a location, or nil.
    ///
    /// It must compile (ICU syntax, close to PCRE for the constructs ingress paths use), and it must not have
    /// named groups: nginx turns `(?<name>…)` into the variable `$name`, so a path could shadow `$host` or
    /// break the whole configuration for every tenant.
    private static func regexProblem(_ pattern: String) -> String? {
        var previous: [Character] = []
        for character in pattern {
            if previous.suffix(2) == ["(", "?"], character == "'" || character == "P" { return "has a named group" }
            if previous.suffix(3) == ["(", "?", "<"], character != "=", character != "!" { return "has a named group" }
            previous.append(character)
        }
        if (try? NSRegularExpression(pattern: pattern)) == nil { return "is not a valid regular expression" }
        return nil
    }
}
