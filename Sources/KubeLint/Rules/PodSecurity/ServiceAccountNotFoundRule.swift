import KubeModel
import KubeYAML

/// Pods naming a ServiceAccount that the input lacks, in a namespace whose ServiceAccounts the input holds.
package struct ServiceAccountNotFoundRule: Rule {
    package static let description = RuleDescription(
        id: "service-account-not-found",
        name: "Service Account Not Found",
        summary: "A pod names a ServiceAccount that its namespace's ServiceAccounts in the input do not include",
        rationale: """
            The API server refuses to create pods for a ServiceAccount that does not exist: the workload's \
            controller retries and the Deployment never gets a pod (FailedCreate). kube-linter reports every \
            ServiceAccount it does not see, so linting one file of a repository floods it; kubec reports only \
            namespaces whose ServiceAccounts are in the input (it then knows the list), and leaves the others to \
            reference-not-found's info. `default` always exists.
            """,
        kind: .crossResource, severity: .warning,
        equivalents: RuleEquivalents(kubeLinter: ["non-existent-service-account"]),
        triggering: [
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: web, namespace: shop}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  serviceAccountName: ↓api
                  containers: [{name: api, image: api:1.0}]
            """
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: web, namespace: shop}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            spec:
              serviceAccountName: web
              containers: [{name: web, image: nginx:1.27}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: batch, namespace: shop}
            spec:
              serviceAccountName: default
              containers: [{name: batch, image: batch:1.0}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: agent, namespace: monitoring}
            spec:
              serviceAccountName: agent
              containers: [{name: agent, image: agent:1.0}]
            """
        ])

    /// The namespaces in which the input declares at least one ServiceAccount.
    static func populatedNamespaces(_ context: LintContext) -> Set<String> {
        Set((context.manifestSet.index.byKind["ServiceAccount"] ?? []).map { context.object(at: $0).namespace })
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        let populated = Self.populatedNamespaces(context)
        if populated.isEmpty { return }
        for pod in context.pods where populated.contains(pod.namespace) {
            guard let node = pod.podSpec.serviceAccountName ?? pod.podSpec.serviceAccount, let name = node.text,
                !name.isEmpty, name != "default",
                context.object(kind: "ServiceAccount", namespace: pod.namespace, name: name) == nil
            else { continue }
            sink.report(
                pod.ref, at: node,
                "ServiceAccount \(FieldValue.quote(name)) is not among the ServiceAccounts of namespace "
                    + "\(pod.namespace) in the input",
                hint: "correct the name or add the ServiceAccount; the API server refuses pods for a missing one")
        }
    }
}
