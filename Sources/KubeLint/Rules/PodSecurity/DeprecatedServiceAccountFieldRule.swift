import KubeModel
import KubeYAML

/// Pod specs using the deprecated `serviceAccount` field.
package struct DeprecatedServiceAccountFieldRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "deprecated-service-account-field",
        name: "Deprecated serviceAccount Field",
        summary: "A pod spec sets the deprecated serviceAccount field",
        rationale: """
            `serviceAccount` is an alias kept for old clients: the API server copies it into serviceAccountName \
            when that is empty and otherwise ignores it. Alone or equal it is only noise (info); when it differs \
            from serviceAccountName the reader of the manifest may believe the wrong one (warning).
            """,
        kind: .bestPractice, severity: .info,
        equivalents: RuleEquivalents(kubeLinter: ["deprecated-service-account-field"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              ↓serviceAccount: web
              containers: [{name: web, image: nginx:1.27}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: api}
            spec:
              serviceAccountName: api
              ↓serviceAccount: api-old
              containers: [{name: api, image: api:1.0}]
            """
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              serviceAccountName: web
              containers: [{name: web, image: nginx:1.27}]
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods {
            guard let key = pod.podSpec.key(.serviceAccount), let value = pod.podSpec.serviceAccount else { continue }
            let old = value.text ?? ""
            let current = pod.podSpec.serviceAccountName?.text ?? ""
            if !current.isEmpty, current != old {
                sink.report(
                    pod.ref, at: key,
                    "serviceAccount \(FieldValue.quote(old)) is ignored: "
                        + "serviceAccountName \(FieldValue.quote(current)) wins",
                    hint: "remove the deprecated serviceAccount field", severity: .warning)
            } else {
                sink.report(
                    pod.ref, at: key, "serviceAccount is a deprecated alias of serviceAccountName",
                    hint: current.isEmpty
                        ? "rename it to serviceAccountName" : "remove the deprecated serviceAccount field")
            }
        }
    }
}
