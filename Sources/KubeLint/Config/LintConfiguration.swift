import KubeYAML

/// Which rules run, at what severity, and what is excluded: `.kubec.yaml` plus `--enable`/`--disable`.
///
/// ```yaml
/// rules:
///   image-tag-latest: off          # off | info | warning | error
///   readiness-probe-missing: info
/// exclude:
///   - "vendor/**"                  # a glob on file paths
///   - {kind: Deployment, namespace: demo, name: "legacy-*", rules: [privileged-container]}
/// checks:                          # parameters of the configurable rules (see `CheckSettings`)
///   minimum-replicas: 3
/// podSecurity: restricted          # Pod Security level enforced where no namespace label says (LEVEL[:VERSION])
/// ```
/// A per-object exclude without `rules` suppresses every rule for the objects it matches.
package struct LintConfiguration: Sendable {
    /// What `rules:` sets for one rule.
    package enum RuleSetting: Sendable, Hashable {
        case off
        case severity(Severity)
    }

    /// `rules:` entries, with where each was written (for unknown-rule reports).
    package var ruleSettings: [String: RuleSetting] = [:]
    package var ruleSettingRanges: [String: SourceRange] = [:]
    /// `--enable`: run these rules (opt-in ones included), overriding `off`.
    package var enabled: Set<String> = []
    /// `--disable`: never run these, and drop their findings whatever stage made them.
    package var disabled: Set<String> = []
    package var pathExcludes: [PathExclude] = []
    package var objectExcludes: [ObjectExclude] = []
    /// The config file itself, so reporters can print its lines.
    package var source: SourceFile?
    /// `checks:`: the parameters of the configurable rules.
    package var checks = CheckSettings()
    /// The `checks:` keys the config gave, with where (they turn their rules on).
    package var configuredChecks: [String: SourceRange] = [:]
    /// `podSecurity:` and `--pod-security`: the Pod Security admission emulation's cluster default.
    package var podSecurity = PodSecurityOptions()
    /// `--kubernetes-version`'s minor number, for rules whose checks changed between versions (nil: the newest).
    package var kubernetesMinor: Int?

    package init() {}

    /// A path glob of `exclude:`.
    package struct PathExclude: Sendable {
        package var pattern: String
        package var range: SourceRange?

        package init(pattern: String, range: SourceRange? = nil) {
            self.pattern = pattern
            self.range = range
        }
    }

    /// A per-object entry of `exclude:`; nil fields match anything, names may be globs.
    package struct ObjectExclude: Sendable {
        package var kind: String?
        package var namespace: String?
        package var name: String?
        /// Nil: every rule.
        package var rules: [String]?
        package var range: SourceRange?

        package init(kind: String? = nil, namespace: String? = nil, name: String? = nil, rules: [String]? = nil,
                     range: SourceRange? = nil) {
            self.kind = kind
            self.namespace = namespace
            self.name = name
            self.rules = rules
            self.range = range
        }

        /// Whether a finding about an object (and of a rule) is excluded.
        package func matches(_ object: ObjectIdentity, rule: String) -> Bool {
            if let kind, kind != object.kind { return false }
            if let namespace, !Glob.matches(namespace, object.namespace ?? "") { return false }
            if let name, !Glob.matches(name, object.name) { return false }
            if let rules, !rules.contains(rule) { return false }
            return true
        }
    }

    /// Whether a rule runs: `--disable` wins, then `--enable`, then the config, then the rule's default.
    package func isEnabled(_ rule: RuleDescription) -> Bool {
        if disabled.contains(rule.id) { return false }
        if enabled.contains(rule.id) { return true }
        switch ruleSettings[rule.id] {
        case .off: return false
        case .severity: return true
        case nil: return rule.enabledByDefault
        }
    }

    /// The severity a finding of `rule` is reported at: the config's, else the finding's or rule's own.
    package func severity(forRule rule: String, default fallback: Severity) -> Severity {
        if case .severity(let severity) = ruleSettings[rule] { return severity }
        return fallback
    }

    /// Whether a file path is excluded, and by which entry.
    func pathExclude(for file: String) -> Int? {
        let normalized = file.hasPrefix("./") ? String(file.dropFirst(2)) : file
        return pathExcludes.firstIndex { Glob.matches($0.pattern, normalized) || Glob.matches($0.pattern, file) }
    }
}

/// Shell-style globs on paths: `*` and `?` stay inside one path segment, `**` crosses segments, and a
/// pattern without `/` also matches any path ending in a matching segment run (`*.yaml`).
package enum Glob {
    /// Whether `text` matches `pattern`.
    package static func matches(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.unicodeScalars)
        let t = Array(text.unicodeScalars)
        if match(p, 0, t, 0) { return true }
        guard !pattern.contains("/") else { return false }
        // A bare pattern matches the last segment(s), as .gitignore does.
        for index in t.indices where t[index] == "/" && match(p, 0, t, index + 1) { return true }
        return false
    }

    private static func match(_ p: [Unicode.Scalar], _ pi: Int, _ t: [Unicode.Scalar], _ ti: Int) -> Bool {
        if pi == p.count { return ti == t.count }
        if p[pi] == "*" {
            let double = pi + 1 < p.count && p[pi + 1] == "*"
            var next = double ? pi + 2 : pi + 1
            if double, next < p.count, p[next] == "/" { next += 1 }
            var index = ti
            while true {
                if match(p, next, t, index) { return true }
                if index == t.count || (!double && t[index] == "/") { return false }
                index += 1
            }
        }
        guard ti < t.count else { return false }
        if p[pi] == "?" { return t[ti] != "/" && match(p, pi + 1, t, ti + 1) }
        return p[pi] == t[ti] && match(p, pi + 1, t, ti + 1)
    }
}
