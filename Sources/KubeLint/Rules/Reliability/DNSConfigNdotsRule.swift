import KubeModel
import KubeYAML

/// Pod templates that leave the resolver's ndots at the cluster default of 5.
package struct DNSConfigNdotsRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "dns-ndots-unset",
        name: "DNS ndots Not Set",
        summary: "A pod template does not set dnsConfig.options ndots (the cluster default is 5)",
        rationale: "With ndots 5 every lookup of an external name with fewer than five dots (api.example.com) first tries each search domain: four or five wasted queries to CoreDNS per lookup. Opt-in: it matters only for pods that call many external hosts, and a lower ndots breaks short in-cluster names with dots (svc.ns).",
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["dnsconfig-options"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            ↓spec:
              containers: [{name: web, image: nginx:1.27}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              dnsConfig:
                options: [{name: ndots, value: "2"}]
              containers: [{name: web, image: nginx:1.27}]
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: node-agent
            spec:
              hostNetwork: true
              dnsPolicy: Default
              containers: [{name: agent, image: agent:1.0}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            let spec = entry.template.spec
            // Only the ClusterFirst policies put the cluster search path (and ndots 5) in resolv.conf.
            guard spec.dnsPolicy == "ClusterFirst" || spec.dnsPolicy == "ClusterFirstWithHostNet" else { continue }
            let options = entry.specNode["dnsConfig"]?["options"]
            if let options, options.items.contains(where: { $0["name"]?.text == "ndots" }) { continue }
            let anchor = entry.specNode["dnsConfig"].flatMap { _ in entry.specNode.pair(forKey: "dnsConfig")?.key }
                ?? Self.specKey(of: entry)
            sink.report(entry.ref, at: anchor, "the pods resolve with the cluster default ndots 5",
                        hint: "set dnsConfig.options [{name: ndots, value: \"2\"}] if the pods call external hosts")
        }
    }

    /// The `spec` key above a pod spec (the template's or the Pod's), else the spec itself.
    static func specKey(of entry: PodView) -> YAMLNode {
        let ref = entry.ref
        let parent: YAMLNode? = switch entry.kind {
        case .pod: ref.node
        case .cronJob: ref.spec?["jobTemplate"]?["spec"]?["template"]
        default: ref.spec?["template"]
        }
        return parent?.pair(forKey: "spec")?.key ?? entry.specNode
    }
}
