import KubeModel
import KubeYAML

/// A pod spec's `hostAliases`, `dnsPolicy` and `dnsConfig` (`ValidateHostAliases`, `validateDNSPolicy`,
/// `validatePodDNSConfig`): IP addresses by the legacy rules of the version (leading zeros and IPv4-mapped
/// addresses refused from 1.36), host names as DNS subdomains, one of the four policies, a nameserver when the
/// policy is `None`, at most three nameservers, the search list within the limits of the version, option names.
package struct PodDNSRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-pod-dns",
        name: "Invalid Pod DNS Settings",
        summary: "hostAliases and dnsConfig nameservers are IP addresses, alias host names and search domains are "
            + "DNS names, dnsPolicy is a known policy and None has a nameserver, at most 3 nameservers and 32 searches",
        rationale: "The API server rejects the pod template. The search list was limited to 6 domains and 256 "
            + "characters before Kubernetes 1.26; from 1.33 a search domain may contain '_' or be '.'; from 1.36 the "
            + "server also refuses IPv4 addresses with leading zeros and IPv4-mapped IPv6 addresses, which earlier "
            + "versions accepted with a warning.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  hostAliases:
                  - ip: ↓db.internal
                    hostnames: [↓DB_Primary]
                  dnsConfig:
                    nameservers: [↓10.0.0.300]
                  containers: [{name: web, image: nginx:1.27}]
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              dnsPolicy: None
              dnsConfig:
                nameservers: ↓[1.1.1.1, 8.8.8.8, 9.9.9.9, 1.0.0.1]
              containers: [{name: c, image: nginx:1.27}]
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              dnsPolicy: ↓ClusterFirstWithHostNetwork
              dnsConfig:
                searches: [svc.cluster.local, ↓Corp.Example.com]
                options: [{name: ndots, value: "2"}, ↓{value: "3"}]
              containers: [{name: c, image: nginx:1.27}]
            """,
            """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            spec:
              template:
                spec:
                  dnsPolicy: ↓None
                  restartPolicy: Never
                  containers: [{name: migrate, image: busybox:1.36}]
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              dnsPolicy: None
              dnsConfig: ↓{searches: [corp.example.com]}
              containers: [{name: c, image: nginx:1.27}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              hostAliases:
              - ip: 10.0.0.5
                hostnames: [db.internal, db]
              - ip: "2001:db8::5"
                hostnames: [cache.internal]
              dnsPolicy: None
              dnsConfig:
                nameservers: [1.1.1.1, "2606:4700:4700::1111"]
                searches: [corp.example.com., _ldap._tcp.example.com, .]
                options: [{name: ndots, value: "2"}, {name: edns0}]
              containers: [{name: c, image: nginx:1.27}]
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              hostNetwork: true
              dnsPolicy: ClusterFirstWithHostNet
              containers: [{name: c, image: nginx:1.27}]
            """,
        ])

    /// `--kubernetes-version`'s minor number: strict IP parsing from 1.36.
    let kubernetesMinor: Int?

    package init(kubernetesMinor: Int? = nil) { self.kubernetesMinor = kubernetesMinor }

    package func configured(by configuration: LintConfiguration) -> PodDNSRule {
        PodDNSRule(kubernetesMinor: configuration.kubernetesMinor)
    }

    /// The maximum number of nameservers (`MaxDNSNameservers`, from libc's resolver).
    static let maxNameservers = 3

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        var minor: Int?
        for entry in context.pods {
            guard let spec = entry.podSpec.node, spec.isMapping else { continue }
            let aliases = spec["hostAliases"]?.sequenceItems ?? []
            if aliases.isEmpty, spec["dnsConfig"] == nil, spec["dnsPolicy"] == nil { continue }
            let version = minor ?? EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context)
                ?? PodSecurityRegistry.newestMinor
            minor = version
            for alias in aliases where alias.isMapping {
                if let ip = alias["ip"] { address(ip, version, entry.ref, &sink) }
                for name in alias["hostnames"]?.sequenceItems ?? [] {
                    let text = name.text ?? ""
                    for error in NameValidation.dns1123Subdomain(text) {
                        sink.fieldError(entry.ref, at: name, .invalid(.string(text), error))
                    }
                }
            }
            checkDNS(spec, version, entry.ref, &sink)
        }
    }

    func address(_ node: YAMLNode, _ minor: Int, _ object: ObjectRef, _ sink: inout FindingSink) {
        let text = node.text ?? ""
        for error in LegacyIPValidation.ipErrors(text, minor: minor) {
            sink.fieldError(object, at: node, .invalid(.string(text), error),
                            hint: "write the address as plain dotted IPv4 or IPv6")
        }
    }
}
