import KubeModel
import KubeYAML

/// Roles and ClusterRoles that let their subjects run commands in, or attach to, running containers.
package struct RBACPodExecAttachRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "rbac-pod-exec-attach",
        name: "RBAC Pod Exec Attach",
        summary: "A Role or ClusterRole grants pods/exec or pods/attach",
        rationale: """
            Exec and attach give a shell in a running container, with its ServiceAccount token, mounted Secrets \
            and network position. Checks that look only for the `create` verb miss `get`: until Kubernetes 1.35 \
            (where the AuthorizePodWebsocketUpgradeCreatePermission gate became beta and on by default) a \
            WebSocket exec was authorised as `get pods/exec`, so a role that looks read-only opened shells. Both \
            verbs, and `*`, are reported.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(
            polaris: [
                "clusterrolePodExecAttach", "rolePodExecAttach", "clusterrolebindingPodExecAttach",
                "rolebindingClusterRolePodExecAttach", "rolebindingRolePodExecAttach",
            ]),
        triggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: debugger
            rules:
            - apiGroups: [""]
              resources: [pods, ↓pods/exec]
              verbs: [get]
            - apiGroups: [""]
              resources: [↓pods/attach]
              verbs: [create]
            """,
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: all-pod-subresources
              namespace: team-a
            rules:
            - apiGroups: [""]
              resources: [↓pods/*]
              verbs: ["*"]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: log-reader
              namespace: team-a
            rules:
            - apiGroups: [""]
              resources: [pods, pods/log]
              verbs: [get, list]
            """
        ])

    static let subresources: Set<String> = ["pods/exec", "pods/attach", "pods/*"]
    static let actions = ["pods/exec": "exec into", "pods/attach": "attach to"]

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for (object, rule) in RBACPolicyRule.all(in: context) {
            guard rule.coversCoreGroup, rule.grants(anyOf: ["get", "create"]) else { continue }
            for entry in rule.entries("resources") where Self.subresources.contains(entry.text) || entry.text == "*" {
                let what = Self.actions[entry.text] ?? "exec into and attach to"
                sink.report(
                    object, at: entry.node, "the role can \(what) running containers (resources: \"\(entry.text)\")",
                    hint: "grant exec and attach only to a break-glass role, bound when needed")
            }
        }
    }
}
