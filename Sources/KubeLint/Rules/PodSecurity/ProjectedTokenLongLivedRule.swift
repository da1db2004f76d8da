import KubeModel
import KubeYAML

/// Projected ServiceAccount tokens requested for more than a day.
package struct ProjectedTokenLongLivedRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "projected-token-long-lived",
        name: "Projected Token Long-Lived",
        summary: "A projected serviceAccountToken volume asks for a token valid more than 24 hours",
        rationale: """
            The kubelet refreshes a projected token at 80% of its lifetime, so the application never needs a long \
            one; a stolen token is good until it expires. The default (and the usual request) is one hour. The \
            API server may cap the lifetime (`--service-account-max-token-expiration`), but the manifest cannot \
            know that it does.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(kubeLinter: ["projected-token-long-expiration"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
            spec:
              containers: [{name: agent, image: agent:1.4}]
              volumes:
              - name: vault-token
                projected:
                  sources:
                  - serviceAccountToken: {audience: vault, path: token, expirationSeconds: ↓604800}
            """
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
            spec:
              containers: [{name: agent, image: agent:1.4}]
              volumes:
              - name: vault-token
                projected:
                  sources:
                  - serviceAccountToken: {audience: vault, path: token, expirationSeconds: 3600}
                  - serviceAccountToken: {audience: sts, path: sts-token}
            """
        ])

    static let limit = 86_400

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods {
            guard let volumes = pod.specNode["volumes"] else { continue }
            for volume in volumes.items {
                guard let sources = volume["projected"]?["sources"] else { continue }
                for source in sources.items {
                    guard let node = source["serviceAccountToken"]?["expirationSeconds"], let seconds = node.integral,
                        seconds > Self.limit
                    else { continue }
                    let name = volume["name"]?.text ?? ""
                    sink.report(
                        pod.ref, at: node,
                        "volume \(FieldValue.quote(name)) asks for a ServiceAccount token valid "
                            + "\(seconds / 3600) hours",
                        hint: "request 3600 seconds (the default): the kubelet renews the token before it expires")
                }
            }
        }
    }
}
