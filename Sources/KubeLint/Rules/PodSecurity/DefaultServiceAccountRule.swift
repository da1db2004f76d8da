import KubeModel
import KubeYAML

/// Pods that run as their namespace's `default` ServiceAccount with its token, and bindings that give the
/// `default` ServiceAccount a role.
package struct DefaultServiceAccountRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "default-service-account",
        name: "Default Service Account",
        summary:
            "A pod runs as the default ServiceAccount with its token, or a binding grants a role to a default "
            + "ServiceAccount",
        rationale: """
            Every pod of a namespace that names no ServiceAccount shares `default`: a role granted to it goes to \
            all of them, and one compromised pod has the rights all the others needed. kube-linter flags every pod \
            on `default`, even those that turn the token off and so hold no credential; kubec skips them \
            (pod field, or the default ServiceAccount in the input set to false). Bindings to a `default` \
            ServiceAccount are reported as in Checkov's CKV_K8S_42. Opt-in: small namespaces without API \
            access are fine on `default`.
            """,
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeLinter: ["default-service-account"], checkov: ["CKV_K8S_42"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop}
            spec:
              serviceAccountName: ↓default
              containers: [{name: web, image: nginx:1.27}]
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop}
            spec:
              ↓containers: [{name: api, image: api:1.0}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: view, namespace: shop}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
            subjects:
            - {kind: ServiceAccount, name: ↓default, namespace: shop}
            """
        ],
        nonTriggering: [
            """
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
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: default, namespace: jobs}
            automountServiceAccountToken: false
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: once, namespace: jobs}
            spec:
              containers: [{name: once, image: busybox:1.36}]
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods {
            let spec = pod.podSpec
            let named = spec.serviceAccountName ?? spec.serviceAccount
            if let name = named?.text, !name.isEmpty, name != "default" { continue }
            if let field = spec.node?["automountServiceAccountToken"]?.bool {
                if !field { continue }
            } else if ServiceAccountTokenRule.account(of: pod, context)?.automountServiceAccountToken == false {
                continue
            }
            let anchor = named ?? spec.node?.pairs.first?.key ?? pod.specNode
            sink.report(
                pod.ref, at: anchor,
                "the pod runs as the default ServiceAccount of namespace \(pod.namespace), with its token",
                hint: "create a ServiceAccount for this workload and set serviceAccountName")
        }
        for kind in ["RoleBinding", "ClusterRoleBinding"] {
            for binding in context.objects(ofKind: kind) {
                guard let subjects = binding.node["subjects"], subjects.isSequence else { continue }
                for subject in subjects.items where subject["kind"]?.text == "ServiceAccount" {
                    guard let name = subject["name"], name.text == "default" else { continue }
                    let namespace = subject["namespace"]?.text ?? (kind == "RoleBinding" ? binding.namespace : "")
                    let role = binding.node["roleRef"]?["name"]?.text ?? "its role"
                    sink.report(
                        binding, at: name,
                        "\(kind) \(FieldValue.quote(binding.name)) grants \(role) to the default ServiceAccount of "
                            + "namespace \(namespace), so to every pod there that names no other",
                        hint: "bind a dedicated ServiceAccount and set it as the workloads' serviceAccountName")
                }
            }
        }
    }
}
