import KubeLint
import KubeYAML
import Testing

/// Edge cases of the escalation rules (escalate, bind, impersonate, approve, aggregation, cluster-wide Secrets)
/// beyond their documented examples.
struct RBACEscalationRuleTests {
    static func count(_ text: String, _ rule: String) -> Int { RuleExampleTests.findings(text, rule: rule).count }

    @Test func bindNarrowedToNamedRolesIsNotReportedButEscalateIs() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: delegate}
            rules:
            - apiGroups: [rbac.authorization.k8s.io]
              resources: [clusterroles]
              resourceNames: [view]
              verbs: [bind, escalate]
            """
        let messages = Lint.run(text).filter { $0.rule == "rbac-escalate-bind" }.map(\.message)
        #expect(messages == ["the role can write roles with permissions it does not hold (verbs: \"escalate\")"])
    }

    @Test func starVerbsAreLeftToTheWildcardRule() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: rbac-admin}
            rules: [{apiGroups: [rbac.authorization.k8s.io], resources: [roles, clusterroles], verbs: ["*"]}]
            """
        #expect(Self.count(text, "rbac-escalate-bind") == 0)
        #expect(Self.count(text, "rbac-wildcard") == 1)
    }

    @Test func bindOnBindingsIsNotReportedBecauseTheVerbDoesNothingThere() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: binder}
            rules: [{apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings], verbs: [bind]}]
            """
        #expect(Self.count(text, "rbac-escalate-bind") == 0)
    }

    @Test func approveOnSignersInANamespacedRoleGrantsNothing() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: approver, namespace: a}
            rules: [{apiGroups: [certificates.k8s.io], resources: [signers], verbs: [approve]}]
            """
        #expect(Self.count(text, "rbac-approve-signers") == 0)
    }

    @Test func impersonatingServiceAccountsOfANamespaceIsReported() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: ci, namespace: a}
            rules: [{apiGroups: [""], resources: [serviceaccounts], verbs: [impersonate]}]
            """
        #expect(Self.count(text, "rbac-impersonate") == 1)
    }

    @Test func adminMayAggregateRoleBindingsButNotClusterRoles() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata:
              name: widgets-admin
              labels: {rbac.authorization.k8s.io/aggregate-to-admin: "true"}
            rules:
            - apiGroups: [rbac.authorization.k8s.io]
              resources: [rolebindings, clusterroles]
              verbs: [create]
            """
        let messages = Lint.run(text).filter { $0.rule == "rbac-aggregated-escalation" }.map(\.message)
        #expect(
            messages == [
                "aggregated into the built-in admin ClusterRole: every subject bound to admin can write cluster-wide "
                    + "RBAC objects (resources: \"clusterroles\")"
            ])
    }

    @Test func aClusterRoleBindingToARoleNotInTheInputIsNotGuessed() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: operator}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: operator}
            subjects: [{kind: ServiceAccount, name: operator, namespace: ops}]
            """
        #expect(Self.count(text, "rbac-cluster-wide-secrets") == 0)
    }

    @Test func clusterWideSecretsNamesTheVerbsInOrder() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: reader}
            rules: [{apiGroups: [""], resources: [secrets, configmaps], verbs: [watch, get]}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: reader}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: reader}
            subjects: [{kind: Group, name: readers, apiGroup: rbac.authorization.k8s.io}]
            """
        let messages = Lint.run(text).filter { $0.rule == "rbac-cluster-wide-secrets" }.map(\.message)
        #expect(messages == ["binds ClusterRole \"reader\", which can get, watch Secrets, in every namespace"])
    }

    @Test func anInitContainerUnderAPodLevelRunAsNonRootIsNotReported() {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              securityContext: {runAsNonRoot: true}
              initContainers: [{name: migrate, image: migrate:2.0}]
              containers: [{name: web, image: nginx:1.27}]
            """
        #expect(Self.count(text, "run-as-root") == 0)
    }

    @Test func aTokenOfExactlyOneDayIsAccepted() {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: agent}
            spec:
              containers: [{name: agent, image: agent:1.4}]
              volumes:
              - name: token
                projected: {sources: [{serviceAccountToken: {path: token, expirationSeconds: 86400}}]}
            """
        #expect(Self.count(text, "projected-token-long-lived") == 0)
    }
}
