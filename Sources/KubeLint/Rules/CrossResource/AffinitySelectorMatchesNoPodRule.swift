import KubeModel
import KubeYAML

/// Pod (anti-)affinity terms whose labelSelector matches no pod template of the input.
package struct AffinitySelectorMatchesNoPodRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "affinity-selector-matches-no-pod",
        name: "Affinity Selector Matches No Pod",
        summary: "A pod affinity or anti-affinity term's labelSelector matches no pod template in the namespaces it considers",
        rationale: "Anti-affinity that matches nothing spreads nothing (the kubernetes/examples ZooKeeper manifest has this bug); required affinity that matches nothing makes pods unschedulable.",
        kind: .crossResource, severity: .warning,
        triggering: [
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: zk
            spec:
              serviceName: zk-hs
              selector: {matchLabels: {app: zk}}
              template:
                metadata: {labels: {app: zk}}
                spec:
                  containers: [{name: zk, image: zookeeper:3.9}]
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector:
                          matchExpressions:
                          - ↓{key: app, operator: In, values: [zk-hs]}
                        topologyKey: kubernetes.io/hostname
            """,
        ],
        nonTriggering: [
            """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: zk
            spec:
              serviceName: zk-hs
              selector: {matchLabels: {app: zk}}
              template:
                metadata: {labels: {app: zk}}
                spec:
                  containers: [{name: zk, image: zookeeper:3.9}]
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector: {matchExpressions: [{key: app, operator: In, values: [zk]}]}
                        topologyKey: kubernetes.io/hostname
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            guard let affinity = entry.template.spec.affinity else { continue }
            let terms = (affinity.podAffinity.map { $0.required + $0.preferred.map(\.podAffinityTerm) } ?? [])
                + (affinity.podAntiAffinity.map { $0.required + $0.preferred.map(\.podAffinityTerm) } ?? [])
            for term in terms {
                guard let selector = term.labelSelector, !selector.isEmpty, !selector.isInvalid,
                      let node = term.node?["labelSelector"] else { continue }
                let namespaces: [String]
                if let namespaceSelector = term.namespaceSelector {
                    namespaces = namespaceSelector.isEmpty ? Array(context.namespaceLabels.keys).sorted()
                        : Array(Set(context.namespaces(matching: namespaceSelector) + term.namespaces)).sorted()
                } else {
                    namespaces = term.namespaces.isEmpty ? [entry.namespace] : term.namespaces
                }
                if namespaces.allSatisfy({ !context.hasPods(in: $0, matching: selector) }) {
                    sink.report(entry.ref, at: firstEntry(node),
                                "affinity labelSelector \(selector.selectorText) matches no pod template in \(namespaces.joined(separator: ", "))",
                                hint: "select the pods' own labels (the pod template's metadata.labels), not a Service name")
                }
            }
        }
    }
}
