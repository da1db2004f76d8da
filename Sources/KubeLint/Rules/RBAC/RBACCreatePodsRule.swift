import KubeModel
import KubeYAML

/// Roles and ClusterRoles that let their subjects create Pods.
package struct RBACCreatePodsRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "rbac-create-pods",
        name: "RBAC Create Pods",
        summary: "A Role or ClusterRole can create Pods",
        rationale: """
            Whoever creates a Pod chooses its ServiceAccount, mounts and security context, so they act with every \
            Secret and ServiceAccount of the namespace and, unless admission forbids it, as root on a node. \
            Controllers and CI deployers need it; like kube-linter, the rule is opt-in. Creating Deployments, Jobs \
            and other workloads is as powerful and is not covered here.
            """,
        kind: .bestPractice, severity: .warning, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["access-to-create-pods"]),
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: runner
              namespace: ci
            rules:
            - apiGroups: [""]
              resources: [↓pods]
              verbs: [create, delete]
            """
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: viewer
              namespace: ci
            rules:
            - apiGroups: [""]
              resources: [pods, pods/log]
              verbs: [get, list, watch]
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for (object, rule) in RBACPolicyRule.all(in: context) {
            guard rule.coversCoreGroup, rule.grants(anyOf: ["create"]),
                let resource = rule.resourceEntry(matching: ["pods"])
            else { continue }
            sink.report(
                object, at: resource, "the role can create Pods",
                hint: "let a controller create the pods, and grant its subject only the workload it manages")
        }
    }
}
