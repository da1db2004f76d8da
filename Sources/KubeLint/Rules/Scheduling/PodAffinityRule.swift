import KubeModel
import KubeYAML

/// Pod (anti-)affinity terms: `topologyKey` required and a valid label key, weights 1–100, namespaces valid,
/// `matchLabelKeys`/`mismatchLabelKeys` valid, with a selector, and not overlapping it or each other.
package struct PodAffinityRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "invalid-pod-affinity",
        name: "Invalid Pod Affinity",
        summary: "Pod affinity terms need a topologyKey; preferred weights are 1-100; matchLabelKeys must not overlap the selector or mismatchLabelKeys",
        rationale: "The API server rejects the pod template; without a topology key the term has no domain to compare.",
        kind: .apiServer, severity: .error,
        triggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - ↓labelSelector: {matchLabels: {app: web}}
                      preferredDuringSchedulingIgnoredDuringExecution:
                      - weight: ↓200
                        podAffinityTerm:
                          labelSelector: {matchLabels: {app: web}}
                          topologyKey: topology.kubernetes.io/zone
            """,
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web, pod-template-hash: abc}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector: {matchLabels: {app: web}}
                        topologyKey: kubernetes.io/hostname
                        matchLabelKeys: [↓app, ↓pod-template-hash]
                        mismatchLabelKeys: [pod-template-hash]
                      - topologyKey: kubernetes.io/hostname
                        ↓mismatchLabelKeys: [app]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx:1.27}]
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector: {matchLabels: {app: web}}
                        topologyKey: kubernetes.io/hostname
                        matchLabelKeys: [pod-template-hash, tier]
                        mismatchLabelKeys: [app]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            for (term, weighted) in SelectorSites.podAffinityTerms(entry.podSpec) {
                if let weighted { SelectorValidation.weight(weighted, entry.ref, &sink) }
                let key = term["topologyKey"]
                let text = key?.text ?? ""
                if text.isEmpty {
                    let anchor = key ?? term.pairs.first?.key ?? term
                    sink.fieldError(entry.ref, at: anchor, pathOf: key ?? term, missingKey: key == nil ? "topologyKey" : nil,
                                    .required("can not be empty"),
                                    hint: "add topologyKey, e.g. kubernetes.io/hostname or topology.kubernetes.io/zone")
                } else if let key {
                    for error in NameValidation.qualifiedName(text) {
                        sink.fieldError(entry.ref, at: key, .invalid(.string(text), error))
                    }
                }
                MatchLabelKeys.check(term, podLabels: entry.labels, entry.ref, &sink)
                for namespace in term["namespaces"]?.sequenceItems ?? [] {
                    for error in NameValidation.dns1123Label(namespace.text ?? "") {
                        sink.fieldError(entry.ref, at: namespace, .invalid(.string(namespace.text ?? ""), error))
                    }
                }
            }
        }
    }
}
