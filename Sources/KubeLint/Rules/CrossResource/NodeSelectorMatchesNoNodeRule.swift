import KubeModel
import KubeYAML

/// A nodeSelector or required node affinity that no Node of the input satisfies (only when there are Nodes).
package struct NodeSelectorMatchesNoNodeRule: Rule {
    package static let scope = RuleScope.perObject
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
        for entry in context.pods {
            let spec = entry.template.spec
            let required = spec.affinity?.nodeAffinity?.required
            guard !spec.nodeSelector.isEmpty || required != nil else { continue }
            let fits = nodes.contains { node in
                spec.nodeSelector.allSatisfy { node.labels[$0.key] == $0.value }
                    && (required.map { $0.matches(labels: node.labels, nodeName: node.name) } ?? true)
            }
            guard !fits else { continue }
            let anchor = spec.nodeSelector.isEmpty ? (required?.node ?? entry.specNode)
                : (entry.podSpec.nodeSelector.map { $0.pairs.first?.key ?? $0 } ?? entry.specNode)
            sink.report(entry.ref, at: anchor,
                        "no Node of the input (\(nodes.count)) satisfies the pod's nodeSelector and required node affinity",
                        hint: "check the node labels (kubectl get nodes --show-labels)")
        }
    }
}
