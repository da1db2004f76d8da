import KubeLint
import KubeYAML
import Testing

/// Edge cases of the RBAC rules beyond their documented examples.
struct RBACRuleTests {
    @Test func aRoleKindOfAnotherAPIGroupIsNotReadAsRBAC() {
        let text = """
            apiVersion: example.com/v1
            kind: Role
            metadata: {name: game-role}
            rules: [{apiGroups: [""], resources: ["*"], verbs: ["*"]}]
            """
        #expect(RuleExampleTests.findings(text, rule: "rbac-wildcard").isEmpty)
    }

    @Test func theMastersGroupDoesNotHideOtherSubjectsOfAClusterAdminBinding() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: admins}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
            subjects:
            - {kind: Group, name: "system:masters", apiGroup: rbac.authorization.k8s.io}
            - {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}
            """
        var configuration = LintConfiguration()
        configuration.enabled = ["cluster-admin-binding"]
        let messages = Lint.run(text, configuration: configuration).filter { $0.rule == "cluster-admin-binding" }
            .map(\.message)
        #expect(messages == ["User \"alice\" gets cluster-admin over the whole cluster"])
    }

    @Test func getOnPodsExecIsReportedLikeCreate() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: looks-read-only, namespace: a}
            rules: [{apiGroups: [""], resources: [pods/exec], verbs: [get]}]
            """
        #expect(RuleExampleTests.findings(text, rule: "rbac-pod-exec-attach").count == 1)
    }

    @Test func secretsOfAnotherAPIGroupAreNotCoreSecrets() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: external-secrets}
            rules: [{apiGroups: [external-secrets.io], resources: [secrets], verbs: [list]}]
            """
        #expect(RuleExampleTests.findings(text, rule: "rbac-secrets-access").isEmpty)
    }

    @Test func createPodsIsOptIn() throws {
        let description = try #require(RuleRegistry.description(of: "rbac-create-pods"))
        #expect(!description.enabledByDefault)
    }
}
