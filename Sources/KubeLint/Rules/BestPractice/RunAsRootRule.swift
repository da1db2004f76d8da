import KubeModel
import KubeYAML

/// Containers that may run as root: neither the pod nor the container sets runAsNonRoot or a non-zero user.
package struct RunAsRootRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "run-as-root",
        name: "Run As Root",
        summary: "A container may run as root: no runAsNonRoot: true and no non-zero runAsUser",
        rationale: """
            A root process in a container is root on the host once it escapes; most images run fine as a user. \
            Init containers are checked too. kube-linter's init-container-security-gap flags every init container \
            without its own runAsNonRoot when the pod sets it, but the pod's setting applies to init containers \
            as well; only an init container that overrides it (runAsNonRoot: false, runAsUser: 0) is reported.
            """,
        kind: .bestPractice, severity: .info,
        equivalents: RuleEquivalents(
            kubeLinter: ["run-as-non-root", "init-container-security-gap"],
            kubeScore: ["container-security-context-user-group-id"], polaris: ["runAsRootAllowed"],
            checkov: ["CKV_K8S_23"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - ↓name: web
                image: nginx:1.27
              - name: tool
                image: tool:1.0
                securityContext: {runAsUser: ↓0}
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              securityContext: {runAsNonRoot: true, runAsUser: 1000}
              initContainers:
              - name: chown
                image: busybox:1.36
                securityContext: {runAsUser: ↓0}
              containers:
              - name: web
                image: nginx:1.27
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              securityContext: {runAsNonRoot: true}
              containers:
              - name: web
                image: nginx:1.27
              - name: tool
                image: tool:1.0
                securityContext: {runAsUser: 1000}
              initContainers:
              - name: migrate
                image: migrate:2.0
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            let pod = entry.template.spec.securityContext
            // Init containers run first and as any user their image names: they count like the others.
            let containers = entry.template.spec.initContainers + entry.template.spec.containers
            for index in containers.indices {
                guard let node = containers[index].node else { continue }
                let own = containers[index].securityContext
                let containerName = containers[index].name
                let user = own?.runAsUser ?? pod?.runAsUser
                if user == 0 {
                    let at = node["securityContext"]?["runAsUser"] ?? entry.podSpec.securityContext?["runAsUser"] ?? node
                    sink.report(entry.ref, at: at, "container \(FieldValue.quote(containerName)) runs as root (runAsUser: 0)")
                    continue
                }
                let nonRoot = (own?.runAsNonRoot ?? pod?.runAsNonRoot) == true || (user ?? 0) > 0
                if !nonRoot {
                    sink.report(entry.ref, at: node.pairs.first?.key ?? node,
                                "container \(FieldValue.quote(containerName)) may run as root (no runAsNonRoot or runAsUser)",
                                hint: "set securityContext.runAsNonRoot: true and a runAsUser")
                }
            }
        }
    }
}
