import KubeLint
import KubeYAML
import Testing

/// What the binding-target rules report when the input lacks the candidates, and what is never missing.
struct RBACBindingTargetTests {
    private func findings(_ text: String, rule: String) -> [Diagnostic] {
        var configuration = LintConfiguration()
        configuration.enabled = [rule]
        return Lint.run(text, configuration: configuration).filter { $0.rule == rule }
    }

    private let binding = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: read-pods, namespace: team-a}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: pod-reader}
        subjects: [{kind: ServiceAccount, name: reader}]
        """

    @Test func aRoleRefIsOneInfoWhenTheNamespaceHasNoRoles() {
        let text = binding + """

            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: pod-reader, namespace: team-b}
            rules: []
            """
        let found = findings(text, rule: "rbac-role-ref-not-found")
        #expect(found.map(\.severity) == [.info])
        #expect(found.first?.message == "no Role of namespace \"team-a\" is in the input: roleRef not checked")
    }

    @Test func aServiceAccountSubjectIsOneInfoWhenTheNamespaceHasNoServiceAccounts() {
        let found = findings(binding, rule: "rbac-service-account-not-found")
        #expect(found.map(\.severity) == [.info])
    }

    @Test func aServiceAccountOfAnotherNamespaceDoesNotSatisfyTheSubject() {
        let text = binding + """

            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: reader, namespace: team-b}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: writer, namespace: team-a}
            """
        let found = findings(text, rule: "rbac-service-account-not-found")
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.message == "subject ServiceAccount \"reader\" is not in namespace \"team-a\" of the input")
    }

    @Test func systemClusterRolesAreNeverMissing() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: mine}
            rules: []
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: nodes}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "system:node-proxier"}
            subjects: [{kind: User, name: "system:kube-proxy", apiGroup: rbac.authorization.k8s.io}]
            """
        #expect(findings(text, rule: "rbac-role-ref-not-found").isEmpty)
    }

    @Test func aClusterRoleOfTheSameNameDoesNotSatisfyARoleRef() {
        let text = binding + """

            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: pod-reader}
            rules: []
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: other, namespace: team-a}
            rules: []
            """
        let found = findings(text, rule: "rbac-role-ref-not-found")
        #expect(found.map(\.severity) == [.warning])
        #expect(found.first?.path == "roleRef.name")
    }

    @Test func theAuthenticationReaderRoleOfKubeSystemIsNeverMissing() {
        let text = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: mine, namespace: kube-system}
            rules: []
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: metrics-server-auth-reader, namespace: kube-system}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: extension-apiserver-authentication-reader}
            subjects: [{kind: ServiceAccount, name: metrics-server, namespace: kube-system}]
            """
        #expect(findings(text, rule: "rbac-role-ref-not-found").isEmpty)
    }

    @Test func aMissingRoleNamesItsNamespace() {
        let text = binding + """

            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: other, namespace: team-a}
            rules: []
            """
        let messages = findings(text, rule: "rbac-role-ref-not-found").map(\.message)
        #expect(messages == ["roleRef names Role \"pod-reader\", which is not in namespace \"team-a\" of the input"])
    }
}
