/// The Pod Security admission plugin's levels, policy versions and namespace policy, as
/// `k8s.io/pod-security-admission/api` defines them.
///
/// A namespace's labels pick a level and a version per mode (`enforce`, `audit`, `warn`); a missing label falls
/// back to the cluster default (`--pod-security` or `.kubec.yaml`'s `podSecurity`, else `privileged:latest`),
/// and a label that does not parse stands for `restricted` / `latest`, as the plugin evaluates it.
package enum PodSecurityLevel: String, Sendable, CaseIterable {
    case privileged, baseline, restricted
}

/// A policy version: `latest` or `v1.N` (`minor` nil means latest).
package struct PodSecurityVersion: Sendable, Hashable {
    package var minor: Int?

    package static let latest = PodSecurityVersion(minor: nil)

    package init(minor: Int?) { self.minor = minor }

    /// `latest` or `v1.N`; nil for anything else (`^v1\.(0|[1-9][0-9]*)$` in the plugin).
    package init?(parsing text: String) {
        if text == "latest" {
            minor = nil
            return
        }
        guard text.hasPrefix("v1."), let number = Int(text.dropFirst(3)), number >= 0,
              String(number) == text.dropFirst(3) else { return nil }
        minor = number
    }

    /// As the plugin prints it: `latest` or `v1.N`.
    package var text: String { minor.map { "v1.\($0)" } ?? "latest" }
}

/// A level at a version, printed `restricted:latest` as in the plugin's messages.
package struct PodSecurityLevelVersion: Sendable, Hashable {
    package var level: PodSecurityLevel
    package var version: PodSecurityVersion

    package init(_ level: PodSecurityLevel, _ version: PodSecurityVersion = .latest) {
        self.level = level
        self.version = version
    }

    /// `LEVEL` or `LEVEL:VERSION` (`baseline`, `restricted:v1.30`), as the `--pod-security` flag takes it.
    package init?(parsing text: String) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let level = PodSecurityLevel(rawValue: parts[0]) else { return nil }
        var version = PodSecurityVersion.latest
        if parts.count == 2 {
            guard let parsed = PodSecurityVersion(parsing: parts[1]) else { return nil }
            version = parsed
        }
        self.init(level, version)
    }

    package var text: String { "\(level.rawValue):\(version.text)" }
}

/// The three modes of a namespace's policy.
package enum PodSecurityMode: String, Sendable, CaseIterable {
    case enforce, audit, warn

    /// `pod-security.kubernetes.io/<mode>`.
    var levelLabel: String { "pod-security.kubernetes.io/\(rawValue)" }
    /// `pod-security.kubernetes.io/<mode>-version`.
    var versionLabel: String { "pod-security.kubernetes.io/\(rawValue)-version" }
}

/// A namespace's effective policy: a level and version per mode, and the labels that could not be parsed.
package struct PodSecurityPolicy: Sendable, Hashable {
    package var enforce: PodSecurityLevelVersion
    package var audit: PodSecurityLevelVersion
    package var warn: PodSecurityLevelVersion

    /// Every mode at `privileged:latest`: no checks.
    package static let privileged = PodSecurityPolicy(
        enforce: .init(.privileged), audit: .init(.privileged), warn: .init(.privileged))

    package init(enforce: PodSecurityLevelVersion, audit: PodSecurityLevelVersion, warn: PodSecurityLevelVersion) {
        self.enforce = enforce
        self.audit = audit
        self.warn = warn
    }

    /// A label that does not parse: its key, its value and the plugin's reason.
    package struct LabelError: Sendable, Hashable {
        package var label: String
        package var value: String
        package var reason: String
    }

    /// The level and version of a mode.
    package subscript(mode: PodSecurityMode) -> PodSecurityLevelVersion {
        get {
            switch mode {
            case .enforce: enforce
            case .audit: audit
            case .warn: warn
            }
        }
        set {
            switch mode {
            case .enforce: enforce = newValue
            case .audit: audit = newValue
            case .warn: warn = newValue
            }
        }
    }

    /// The policy the plugin evaluates for a namespace's labels over cluster defaults (`PolicyToEvaluate`): an
    /// unparsable level is `restricted` for enforce and `privileged` for audit and warn (they fail open), an
    /// unparsable version is `latest`.
    package static func resolve(labels: [String: String], defaults: PodSecurityPolicy) -> (PodSecurityPolicy, [LabelError]) {
        var policy = defaults
        var errors: [LabelError] = []
        for mode in PodSecurityMode.allCases {
            if let value = labels[mode.levelLabel] {
                if let level = PodSecurityLevel(rawValue: value) {
                    policy[mode].level = level
                } else {
                    policy[mode].level = mode == .enforce ? .restricted : .privileged
                    errors.append(LabelError(label: mode.levelLabel, value: value,
                                             reason: "must be one of privileged, baseline, restricted"))
                }
            }
            if let value = labels[mode.versionLabel] {
                if let version = PodSecurityVersion(parsing: value) {
                    policy[mode].version = version
                } else {
                    policy[mode].version = .latest
                    errors.append(LabelError(label: mode.versionLabel, value: value, reason: #"must be "latest" or "v1.x""#))
                }
            }
        }
        return (policy, errors)
    }
}

/// What `--pod-security` and `.kubec.yaml` set for the Pod Security admission emulation.
package struct PodSecurityOptions: Sendable, Hashable {
    /// The level (and version) enforced in namespaces without an `enforce` label: the cluster's
    /// AdmissionConfiguration `defaults.enforce`. Nil: `privileged`, nothing enforced.
    package var defaultEnforce: PodSecurityLevelVersion?
    package init(defaultEnforce: PodSecurityLevelVersion? = nil) {
        self.defaultEnforce = defaultEnforce
    }

    /// The cluster defaults these options stand for.
    var defaults: PodSecurityPolicy {
        var policy = PodSecurityPolicy.privileged
        if let defaultEnforce { policy.enforce = defaultEnforce }
        return policy
    }
}
