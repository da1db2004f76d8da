import KubeModel
import KubeYAML

/// Namespaced objects that land in the default namespace.
package struct DefaultNamespaceRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "default-namespace",
        name: "Default Namespace Used",
        summary: "A namespaced object sets metadata.namespace to default, or sets none",
        rationale: "The default namespace has no boundaries: RBAC, quotas and NetworkPolicies are per namespace, and everything ends up there by accident. Opt-in: many repositories leave the namespace out on purpose and apply with `kubectl -n` or a kustomization's `namespace:`; enable it where that is not the convention.",
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["use-namespace"], checkov: ["CKV_K8S_21"]),
        triggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            ↓metadata:
              name: settings
            data: {level: info}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: other
              namespace: ↓default
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
              namespace: payments
            data: {level: info}
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: payments
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.allObjects where object.identity.namespace != nil && !object.isGeneric {
            guard let metadata = object.node.pair(forKey: "metadata") else { continue }
            if let namespace = metadata.value["namespace"] {
                guard namespace.text == "default" else { continue }
                sink.report(object, at: namespace, "\(object.kind) \(object.name) is in the default namespace",
                            hint: "put it in the application's own namespace")
            } else {
                sink.report(object, at: metadata.key, "\(object.kind) \(object.name) sets no namespace, so it lands in whatever namespace kubectl uses (default)",
                            hint: "set metadata.namespace")
            }
        }
    }
}
