import KubeModel
import KubeYAML

/// Literal credentials written into env vars.
package struct SecretValueInEnvVarRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "secret-value-in-env-var",
        name: "Credential In Plain Env Var",
        summary: "An env var whose name says secret, password, token or key has a literal value",
        rationale: "The value is then in the manifest, in git, and readable by anyone who can read the workload. kube-linter matches only names containing SECRET; kubec also catches PASSWORD, TOKEN and API_KEY, and ignores empty values, `$(VAR)` references, names of files or paths (`*_FILE`) and etcd's cluster token.",
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(kubeLinter: ["env-var-secret"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: db
            spec:
              containers:
              - name: db
                image: mysql:8.4
                env:
                - name: MYSQL_ROOT_PASSWORD
                  value: ↓hunter2
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: db
            spec:
              containers:
              - name: db
                image: mysql:8.4
                env:
                - name: MYSQL_ROOT_PASSWORD
                  valueFrom: {secretKeyRef: {name: db, key: password}}
                - name: MYSQL_PASSWORD_FILE
                  value: /etc/db/password
                - name: TOKEN_TTL
                  value: $(DEFAULT_TTL)
            """,
        ])

    /// Name parts that say the value is a credential.
    private static let markers = ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY"]

    /// Whether a name says it holds a credential (not a file path or a setting about one).
    static func namesCredential(_ name: String) -> Bool {
        let upper = name.uppercased()
        guard markers.contains(where: { upper.contains($0) }) else { return false }
        return !(upper.hasSuffix("_FILE") || upper.hasSuffix("_PATH") || upper.hasSuffix("_TTL")
            || upper.hasSuffix("_NAME") || upper.hasSuffix("_KEY_ID") || upper.hasSuffix("_REF")
            // etcd's cluster token only tells clusters apart; it grants nothing.
            || upper.hasSuffix("CLUSTER_TOKEN"))
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            // The two lists one after the other: `allContainers` would allocate a joined copy per pod.
            for container in entry.template.spec.initContainers { check(container, entry.ref, &sink) }
            for container in entry.template.spec.containers { check(container, entry.ref, &sink) }
        }
    }

    private func check(_ container: Container, _ ref: ObjectRef, _ sink: inout FindingSink) {
        for variable in container.env {
            guard let value = variable.value, !value.isEmpty, !value.hasPrefix("$("),
                  Self.namesCredential(variable.name) else { continue }
            sink.report(ref, at: variable.node?["value"],
                        "env var \(FieldValue.quote(variable.name)) of container \(FieldValue.quote(container.name)) holds a literal credential",
                        hint: "put it in a Secret and reference it (secretKeyRef or a mounted file)")
        }
    }
}
