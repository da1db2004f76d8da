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
        equivalents: RuleEquivalents(kubeLinter: ["env-var-secret"], polaris: ["sensitiveContainerEnvVar"]),
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

    /// Name parts that say the value is a credential, upper case.
    private static let markers: [[UInt8]] = ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY"]
        .map { Array($0.utf8) }
    /// Name endings that say the value is about a credential, not one.
    private static let harmlessEndings: [[UInt8]] = ["_FILE", "_PATH", "_TTL", "_NAME", "_KEY_ID", "_REF", "CLUSTER_TOKEN"]
        .map { Array($0.utf8) }

    /// Whether a name says it holds a credential (not a file path or a setting about one). Compares bytes
    /// ASCII-upper-cased in place: it runs on every env var with a literal value.
    static func namesCredential(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard markers.contains(where: { contains(bytes, $0) }) else { return false }
            // etcd's cluster token only tells clusters apart; it grants nothing.
            return !harmlessEndings.contains { ending in
                ending.count <= bytes.count && matches(bytes, at: bytes.count - ending.count, ending)
            }
        }
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ part: [UInt8]) -> Bool {
        guard part.count <= bytes.count else { return false }
        for start in 0...(bytes.count - part.count) where matches(bytes, at: start, part) { return true }
        return false
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, _ part: [UInt8]) -> Bool {
        for offset in part.indices {
            var byte = bytes[start + offset]
            if byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") { byte -= 32 }
            if byte != part[offset] { return false }
        }
        return true
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            // The two lists one after the other: `allContainers` would allocate a joined copy per pod.
            check(entry.template.spec.initContainers, entry.ref, &sink)
            check(entry.template.spec.containers, entry.ref, &sink)
        }
    }

    /// Element by element in place: iterating copies would retain every field of each container and variable.
    private func check(_ containers: [Container], _ ref: ObjectRef, _ sink: inout FindingSink) {
        for index in containers.indices {
            let env = containers[index].env
            for slot in env.indices {
                guard let value = env[slot].value, !value.isEmpty, !value.hasPrefix("$("),
                      Self.namesCredential(env[slot].name) else { continue }
                sink.report(ref, at: env[slot].node?["value"],
                            "env var \(FieldValue.quote(env[slot].name)) of container \(FieldValue.quote(containers[index].name)) holds a literal credential",
                            hint: "put it in a Secret and reference it (secretKeyRef or a mounted file)")
            }
        }
    }
}
