import KubeModel
import KubeYAML

/// Pods and containers that turn AppArmor off: `appArmorProfile.type: Unconfined` or the annotation `unconfined`.
package struct AppArmorUnconfinedRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "apparmor-unconfined",
        name: "AppArmor Unconfined",
        summary: "A pod or container sets appArmorProfile.type: Unconfined, or the AppArmor annotation unconfined",
        rationale: """
            On nodes with AppArmor the runtime's default profile denies writes to /proc and /sys and mounts; \
            Unconfined removes it, and the Pod Security baseline level refuses it. The field (1.30+) and the \
            deprecated annotation `container.apparmor.security.beta.kubernetes.io/<container>` both count; a \
            container's own setting overrides the pod's, so a pod-level Unconfined is reported only when some \
            container has none.
            """,
        kind: .bestPractice, severity: .warning,
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
              annotations:
                container.apparmor.security.beta.kubernetes.io/sidecar: ↓unconfined
            spec:
              securityContext:
                appArmorProfile: {type: ↓Unconfined}
              containers:
              - name: agent
                image: agent:1.0
              - name: sidecar
                image: sidecar:1.0
            """
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                container.apparmor.security.beta.kubernetes.io/web: runtime/default
            spec:
              securityContext:
                appArmorProfile: {type: Unconfined}
              containers:
              - name: web
                image: nginx:1.27
                securityContext:
                  appArmorProfile: {type: RuntimeDefault}
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods {
            let containers = pod.containerNodes
            let annotations = PodSecurity.annotations(pod)
            func ownProfile(_ container: ContainerNodes) -> YAMLNode? {
                container.securityContext?["appArmorProfile"]?["type"]
            }
            func annotation(_ container: ContainerNodes) -> YAMLNode? {
                annotations?[SeccompSettings.appArmorAnnotationPrefix + (container.name?.text ?? "")]
            }
            if let node = pod.podSpec.securityContext?["appArmorProfile"]?["type"], node.text == "Unconfined",
                containers.contains(where: { ownProfile($0) == nil && annotation($0) == nil })
            {
                sink.report(
                    pod.ref, at: node, "the pod runs its containers without AppArmor (Unconfined)",
                    hint: "set appArmorProfile.type: RuntimeDefault, or a Localhost profile")
            }
            for container in containers {
                if let node = ownProfile(container) {
                    guard node.text == "Unconfined" else { continue }
                    sink.report(
                        pod.ref, at: node,
                        "container \(PodSecurity.name(container)) runs without AppArmor (Unconfined)",
                        hint: "set appArmorProfile.type: RuntimeDefault, or a Localhost profile")
                } else if let node = annotation(container), node.text == "unconfined" {
                    sink.report(
                        pod.ref, at: node,
                        "container \(PodSecurity.name(container)) runs without AppArmor (annotation)",
                        hint:
                            "set securityContext.appArmorProfile.type: RuntimeDefault instead of the "
                            + "deprecated annotation"
                    )
                }
            }
        }
    }
}
