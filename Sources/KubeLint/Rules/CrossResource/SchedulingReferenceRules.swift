import KubeModel
import KubeYAML

/// Pod (anti-)affinity terms whose labelSelector matches no pod template of the input.
package struct AffinitySelectorMatchesNoPodRule: Rule {
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
        for entry in context.podTemplates {
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
                if namespaces.allSatisfy({ context.pods(in: $0, matching: selector).isEmpty }) {
                    sink.report(entry.ref, at: firstEntry(node),
                                "affinity labelSelector \(selector.selectorText) matches no pod template in \(namespaces.joined(separator: ", "))",
                                hint: "select the pods' own labels (the pod template's metadata.labels), not a Service name")
                }
            }
        }
    }
}

/// A nodeSelector or required node affinity that no Node of the input satisfies (only when there are Nodes).
package struct NodeSelectorMatchesNoNodeRule: Rule {
    package static let description = RuleDescription(
        id: "node-selector-matches-no-node",
        name: "Node Selector Matches No Node",
        summary: "No Node in the input satisfies a pod template's nodeSelector or required node affinity",
        rationale: "The pods stay Pending. Checked only when the input declares Nodes (a cluster inventory).",
        kind: .crossResource, severity: .warning,
        triggering: [
            """
            apiVersion: v1
            kind: Node
            metadata:
              name: node-1
              labels: {kubernetes.io/os: linux, disktype: hdd}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: db
            spec:
              nodeSelector:
                ↓disktype: ssd
              containers: [{name: db, image: postgres:17}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Node
            metadata:
              name: node-1
              labels: {kubernetes.io/os: linux, disktype: ssd}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: db
            spec:
              nodeSelector: {disktype: ssd}
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: In, values: [node-1]}]}]
              containers: [{name: db, image: postgres:17}]
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: db
            spec:
              nodeSelector: {disktype: ssd}
              containers: [{name: db, image: postgres:17}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        let nodes = context.manifestSet.nodes
        guard !nodes.isEmpty else { return }
        for entry in context.podTemplates {
            let spec = entry.template.spec
            let required = spec.affinity?.nodeAffinity?.required
            guard !spec.nodeSelector.isEmpty || required != nil else { continue }
            let fits = nodes.contains { node in
                spec.nodeSelector.allSatisfy { node.labels[$0.key] == $0.value }
                    && (required.map { $0.matches(labels: node.labels, nodeName: node.name) } ?? true)
            }
            guard !fits else { continue }
            let anchor = spec.nodeSelector.isEmpty ? (required?.node ?? entry.specNode)
                : (entry.podSpec["nodeSelector"].map { $0.pairs.first?.key ?? $0 } ?? entry.specNode)
            sink.report(entry.ref, at: anchor,
                        "no Node of the input (\(nodes.count)) satisfies the pod's nodeSelector and required node affinity",
                        hint: "check the node labels (kubectl get nodes --show-labels)")
        }
    }
}
