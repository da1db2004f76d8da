import KubeYAML

/// The parameters of the configurable rules: `checks:` in `.kubec.yaml`.
///
/// ```yaml
/// checks:
///   minimum-replicas: 3                # replicas-below-minimum (default 2)
///   required-labels:                   # required-label (default: owner)
///     - key: app.kubernetes.io/name
///     - {key: team, value: "payments|search"}
///   required-annotations:              # required-annotation (default: email, an address)
///     - {key: owner-email, value: "[^@]+@example\\.com"}
///   forbidden-annotations:             # forbidden-annotation (default: what the cluster writes itself)
///     - key: kubectl.kubernetes.io/last-applied-configuration
///   allowed-service-types: [ClusterIP, LoadBalancer]   # service-type-not-allowed (default: all but NodePort)
///   hpa-maximum-replicas: 50           # hpa-max-replicas-high (default 100)
/// ```
/// A `value` is a regular expression the whole value must match. Giving a setting turns its rule on unless
/// `rules:` turns it off; without one the rule, when enabled, uses the default shown.
package struct CheckSettings: Sendable {
    /// A required or forbidden metadata key, and optionally a pattern its value must (or must not) match.
    package struct KeyRequirement: Sendable {
        package var key: String
        package var value: ValuePattern?

        package init(key: String, value: ValuePattern? = nil) {
            self.key = key
            self.value = value
        }
    }

    /// The smallest replica count `replicas-below-minimum` accepts.
    package var minimumReplicas = 2
    package var requiredLabels = [KeyRequirement(key: "owner")]
    package var requiredAnnotations = [
        KeyRequirement(key: "email", value: ValuePattern("[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+\\.[A-Za-z0-9.-]+")),
    ]
    /// Annotations the API server or a controller writes on live objects: in a manifest they mean it was
    /// copied from a cluster (`kubectl get -o yaml`) and carries stale state.
    package var forbiddenAnnotations = [
        KeyRequirement(key: "kubectl.kubernetes.io/last-applied-configuration"),
        KeyRequirement(key: "deployment.kubernetes.io/revision"),
    ]
    package var allowedServiceTypes = ["ClusterIP", "ExternalName", "LoadBalancer"]
    /// The largest `maxReplicas` `hpa-max-replicas-high` accepts (kube-linter's hpa-maximum-replicas default).
    package var maximumHPAReplicas = 100

    package init() {}

    /// The `checks:` keys, and the rule each configures.
    static let keys: [(key: String, rule: String)] = [
        ("minimum-replicas", "replicas-below-minimum"),
        ("required-labels", "required-label"),
        ("required-annotations", "required-annotation"),
        ("forbidden-annotations", "forbidden-annotation"),
        ("allowed-service-types", "service-type-not-allowed"),
        ("hpa-maximum-replicas", "hpa-max-replicas-high"),
    ]
}

/// A regular expression a whole metadata value must match, with its source text for messages.
package struct ValuePattern: @unchecked Sendable {
    // `Regex` is immutable once built; the unchecked conformance only spares a copy per thread.
    private let regex: Regex<AnyRegexOutput>?
    /// The expression as written.
    package let source: String

    /// Compiles `source`; nil when it is not a valid regular expression.
    package init?(validating source: String) {
        guard let regex = try? Regex(source) else { return nil }
        self.regex = regex
        self.source = source
    }

    /// A pattern known to compile (the defaults).
    init(_ source: String) {
        self.regex = try? Regex(source)
        self.source = source
    }

    /// Whether the whole of `value` matches.
    package func matches(_ value: String) -> Bool {
        guard let regex else { return false }
        return (try? regex.wholeMatch(in: value)) != nil
    }
}
