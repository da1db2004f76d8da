import KubeModel
import KubeYAML

/// Workloads whose pods may land on any node (kube-linter `no-node-affinity`).
package struct NodeAffinityMissingRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "node-affinity-missing",
        name: "Node Affinity Missing",
        summary: "A workload's pods carry neither a node affinity nor a nodeSelector",
        rationale: """
            Clusters that keep pools apart (GPU, spot, system, per-tenant nodes) need every workload to say \
            where it belongs; without it the scheduler may put it on any node that fits. Most clusters let \
            workloads run anywhere, so the rule is opt-in, for sites with that policy. kube-linter asks for a \
            node affinity only; a nodeSelector constrains placement the same way and is accepted.
            """,
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["no-node-affinity"]),
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
                  ↓containers: [{name: web, image: nginx:1.27}]
            """
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
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                        - matchExpressions: [{key: pool, operator: In, values: [web]}]
                  containers: [{name: web, image: nginx:1.27}]
            """,
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
                  nodeSelector: {pool: web}
                  containers: [{name: web, image: nginx:1.27}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.podTemplates where entry.kind != .pod && !entry.isLegacy {
            if !entry.template.spec.nodeSelector.isEmpty { continue }
            if entry.template.spec.affinity?.nodeAffinity != nil { continue }
            sink.report(entry.ref, at: entry.specNode,
                        "\(entry.ref.kind) \(entry.ref.name) does not say which nodes its pods belong on",
                        hint: "add spec.template.spec.affinity.nodeAffinity (or a nodeSelector) naming the node pool")
        }
    }
}
