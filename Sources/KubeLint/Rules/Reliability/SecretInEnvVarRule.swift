import KubeModel
import KubeYAML

/// Secrets read into environment variables.
package struct SecretInEnvVarRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "secret-in-env-var",
        name: "Secret In Environment Variable",
        summary: "A container reads a Secret into environment variables (secretKeyRef or envFrom secretRef)",
        rationale: "Environment variables leak: into crash dumps, child processes, `kubectl describe` of debug pods and logs that print the environment; a mounted Secret file also follows updates. Opt-in (as in kube-linter): many applications can only read their configuration from the environment.",
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["read-secret-from-env-var"], checkov: ["CKV_K8S_35"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: web:1.0
                env:
                - name: DB_PASSWORD
                  valueFrom: {↓secretKeyRef: {name: db, key: password}}
                envFrom:
                - ↓secretRef: {name: api-keys}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: web:1.0
                env:
                - name: LOG_LEVEL
                  valueFrom: {configMapKeyRef: {name: settings, key: level}}
                volumeMounts: [{name: db, mountPath: /etc/db, readOnly: true}]
              volumes:
              - name: db
                secret: {secretName: db}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            for container in entry.template.spec.allContainers {
                for variable in container.env {
                    guard let reference = variable.valueFrom?.secretKeyRef else { continue }
                    sink.report(entry.ref, at: variable.valueFrom?.node?.pair(forKey: "secretKeyRef")?.key ?? reference.node,
                                "env var \(FieldValue.quote(variable.name)) of container \(FieldValue.quote(container.name)) reads Secret \(FieldValue.quote(reference.name))",
                                hint: "mount the Secret as a volume and read the file")
                }
                for source in container.envFrom where source.source == .secret {
                    sink.report(entry.ref, at: source.node?.pair(forKey: "secretRef")?.key ?? source.node,
                                "container \(FieldValue.quote(container.name)) reads every key of Secret \(FieldValue.quote(source.name)) into env vars",
                                hint: "mount the Secret as a volume and read the files")
                }
            }
        }
    }
}
