import KubeYAML

// `validateDNSPolicy` and `validatePodDNSConfig`: the policy is one of four values, `None` needs a
// `dnsConfig` with a nameserver, and the config's nameservers, search domains and options are what the
// resolver of the node can use. The search limits and the search-name rules changed by version.
extension PodDNSRule {
    /// The values `dnsPolicy` accepts, in the order the API server lists them.
    static let policies = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]

    /// `MaxDNSSearchPaths` and `MaxDNSSearchListChars`: 6 domains and 256 characters until 1.25, 32 and 2048
    /// from 1.26, where `ExpandedDNSConfig` became on by default.
    static func searchLimits(minor: Int) -> (paths: Int, characters: Int) {
        minor >= 26 ? (32, 2048) : (6, 256)
    }

    /// `RelaxedDNSSearchValidation`, on by default from 1.33: a search domain may be `.` or contain `_`.
    static func relaxedSearches(minor: Int) -> Bool { minor >= 33 }

    /// The pod spec's `dnsPolicy` and `dnsConfig`.
    func checkDNS(_ spec: YAMLNode, _ minor: Int, _ object: ObjectRef, _ sink: inout FindingSink) {
        let policy = spec["dnsPolicy"]
        let policyText = policy?.string ?? ""
        if let policy, !policyText.isEmpty, !Self.policies.contains(policyText) {
            sink.fieldError(object, at: policy, .unsupported(.string(policyText), Self.policies))
        }
        let config = spec["dnsConfig"].flatMap { $0.isMapping ? $0 : nil }
        if policyText == "None" {
            guard let config else {
                sink.fieldError(object, at: policy, pathOf: spec, missingKey: "dnsConfig",
                                .required("must provide `dnsConfig` when `dnsPolicy` is None"),
                                hint: "a pod with dnsPolicy None gets its resolver only from dnsConfig")
                return
            }
            let nameservers = config["nameservers"]
            if nameservers.map({ $0.isNull || ($0.isSequence && $0.count == 0) }) ?? true {
                let detail = FieldError.required("must provide at least one DNS nameserver when `dnsPolicy` is None")
                if let nameservers {
                    sink.fieldError(object, at: nameservers, detail)
                } else {
                    sink.fieldError(object, at: config, missingKey: "nameservers", detail)
                }
                return
            }
        }
        guard let config else { return }
        if let nameservers = config["nameservers"], nameservers.isSequence {
            if nameservers.count > Self.maxNameservers {
                sink.fieldError(object, at: nameservers, .invalid(
                    APIServerChecks.list(nameservers), "must not have more than \(Self.maxNameservers) nameservers"),
                                hint: "the resolver reads only the first three nameservers")
            }
            for item in nameservers.items { address(item, minor, object, &sink) }
        }
        if let searches = config["searches"], searches.isSequence { checkSearches(searches, minor, object, &sink) }
        for option in config["options"]?.sequenceItems ?? [] where option.isMapping {
            if (APIServerChecks.text(option, "name") ?? "").isEmpty {
                sink.fieldError(object, at: option, .required("must not be empty"))
            }
        }
    }

    /// The number and total length of the search domains, then each one as a DNS subdomain (a trailing dot
    /// dropped first).
    private func checkSearches(_ searches: YAMLNode, _ minor: Int, _ object: ObjectRef,
                               _ sink: inout FindingSink) {
        let limits = Self.searchLimits(minor: minor)
        let count = searches.count
        if count > limits.paths {
            sink.fieldError(object, at: searches, .invalid(
                APIServerChecks.list(searches), "must not have more than \(limits.paths) search paths"),
                            hint: "the resolver of the node uses at most \(limits.paths) search domains")
        }
        // The length of the list joined with spaces, as it is written to resolv.conf.
        let length = searches.items.reduce(max(count - 1, 0)) { $0 + ($1.text ?? "").utf8.count }
        if length > limits.characters {
            sink.fieldError(object, at: searches, .invalid(
                APIServerChecks.list(searches),
                "must not have more than \(limits.characters) characters (including spaces) in the search list"))
        }
        let relaxed = Self.relaxedSearches(minor: minor)
        for item in searches.items {
            var name = item.text ?? ""
            if relaxed, name == "." { continue }
            if name.hasSuffix(".") { name.removeLast() }
            let errors = relaxed
                ? NameValidation.dns1123SubdomainWithUnderscore(name) : NameValidation.dns1123Subdomain(name)
            for error in errors { sink.fieldError(object, at: item, .invalid(.string(name), error)) }
        }
    }
}
