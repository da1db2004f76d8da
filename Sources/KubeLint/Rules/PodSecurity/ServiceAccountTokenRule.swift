import KubeModel
import KubeYAML

/// Pods that get an API token mounted: neither the pod nor its ServiceAccount sets
/// `automountServiceAccountToken: false`.
package struct ServiceAccountTokenRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "service-account-token-mounted",
        name: "Service Account Token Mounted",
        summary: "A pod gets its ServiceAccount's API token mounted (automountServiceAccountToken is not false)",
        rationale: """
            The token lets anyone who gets code execution in the pod call the API server with the \
            ServiceAccount's rights; most applications never call it. The pod's field wins; when the pod does not \
            set it, its ServiceAccount's does. Checkov's CKV_K8S_38 reads only the pod, so it fails pods whose \
            ServiceAccount already turns the token off; kubec reads the ServiceAccount when the input has it. \
            A `default` ServiceAccount in the input that does not set false is reported too (CKV_K8S_41): every \
            pod that names no ServiceAccount gets its token. Opt-in: controllers and operators need the token.
            """,
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(
            kubeLinter: ["automount-service-account-token"], polaris: ["automountServiceAccountToken"],
            checkov: ["CKV_K8S_38", "CKV_K8S_41"]),
        triggering: [
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: ↓default, namespace: shop}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            spec:
              ↓containers: [{name: web, image: nginx:1.27}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop}
            spec:
              automountServiceAccountToken: ↓true
              containers: [{name: api, image: api:1.0}]
            """
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: web, namespace: shop}
            automountServiceAccountToken: false
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: default, namespace: shop}
            automountServiceAccountToken: false
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
              automountServiceAccountToken: false
              containers: [{name: batch, image: batch:1.0}]
            """
        ])

    /// The ServiceAccount of the input a pod runs as, when the input has it.
    static func account(of pod: PodView, _ context: LintContext) -> ServiceAccount? {
        let name = pod.template.spec.serviceAccountName.flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        guard let object = context.object(kind: "ServiceAccount", namespace: pod.namespace, name: name),
            case .serviceAccount(let account) = object.kubeObject
        else { return nil }
        return account
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for object in context.objects(ofKind: "ServiceAccount") where object.name == "default" {
            guard case .serviceAccount(let account) = object.kubeObject, account.automountServiceAccountToken != false
            else { continue }
            sink.report(
                object, at: object.node["automountServiceAccountToken"] ?? object.nameNode,
                "the default ServiceAccount of namespace \(object.namespace) mounts its token into every pod that "
                    + "names no other",
                hint: "set automountServiceAccountToken: false on it")
        }
        for pod in context.pods {
            let field = pod.podSpec.node?["automountServiceAccountToken"]
            if let value = field?.bool {
                if value {
                    sink.report(
                        pod.ref, at: field, "the pod mounts its ServiceAccount's API token",
                        hint: "set automountServiceAccountToken: false unless it calls the API server")
                }
                continue
            }
            if Self.account(of: pod, context)?.automountServiceAccountToken == false { continue }
            let anchor = pod.podSpec.key(.serviceAccountName) ?? pod.podSpec.node?.pairs.first?.key
            sink.report(
                pod.ref, at: anchor ?? pod.specNode,
                "the pod mounts its ServiceAccount's API token (automountServiceAccountToken is not false)",
                hint:
                    "set automountServiceAccountToken: false on the pod or its ServiceAccount unless it calls the "
                    + "API server"
            )
        }
    }
}
