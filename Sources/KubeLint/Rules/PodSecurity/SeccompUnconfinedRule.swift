import KubeModel
import KubeYAML

/// Pods and containers that ask for no seccomp filtering (`seccompProfile.type: Unconfined`).
package struct SeccompUnconfinedRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "seccomp-unconfined",
        name: "Seccomp Unconfined",
        summary: "A pod or container sets seccompProfile.type: Unconfined",
        rationale: """
            Unconfined turns off the runtime's syscall filter, which blocks the syscalls most container escapes \
            use (unshare, keyctl, bpf, mount). The Pod Security baseline level refuses it. A pod-level Unconfined \
            is reported only when some container does not override it with its own profile; the deprecated \
            annotations (`unconfined`) count only for clusters before 1.27 (the input's Cluster document), which \
            ignore them since.
            """,
        kind: .bestPractice, severity: .warning,
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: tracer
            spec:
              securityContext:
                seccompProfile: {type: ↓Unconfined}
              containers:
              - name: tracer
                image: tracer:1.0
              - name: web
                image: nginx:1.27
                securityContext:
                  seccompProfile: {type: ↓Unconfined}
            """,
            """
            apiVersion: kubec.dev/v1alpha1
            kind: Cluster
            metadata: {name: old}
            spec: {kubernetesVersion: "1.26"}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: old
              annotations:
                container.seccomp.security.alpha.kubernetes.io/app: ↓unconfined
            spec:
              containers: [{name: app, image: app:1.0}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                seccomp.security.alpha.kubernetes.io/pod: unconfined
            spec:
              securityContext:
                seccompProfile: {type: Unconfined}
              containers:
              - name: web
                image: nginx:1.27
                securityContext:
                  seccompProfile: {type: RuntimeDefault}
            """
        ])

    /// `--kubernetes-version`'s minor number (nil: the Cluster document's, else the newest).
    let kubernetesMinor: Int?

    package init(kubernetesMinor: Int? = nil) { self.kubernetesMinor = kubernetesMinor }

    package func configured(by configuration: LintConfiguration) -> SeccompUnconfinedRule {
        SeccompUnconfinedRule(kubernetesMinor: configuration.kubernetesMinor)
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        // One lookup of the Cluster document per check, not per pod.
        let version = EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context)
        for pod in context.pods {
            let containers = pod.containerNodes
            if let node = SeccompSettings.podType(pod), node.text == "Unconfined",
                containers.contains(where: { SeccompSettings.containerType($0) == nil })
            {
                sink.report(
                    pod.ref, at: node, "the pod runs its containers without a seccomp filter (Unconfined)",
                    hint: "set seccompProfile.type: RuntimeDefault, or a Localhost profile that allows what it needs")
            }
            for container in containers {
                guard let node = SeccompSettings.containerType(container), node.text == "Unconfined" else { continue }
                sink.report(
                    pod.ref, at: node,
                    "container \(PodSecurity.name(container)) runs without a seccomp filter (Unconfined)",
                    hint: "set seccompProfile.type: RuntimeDefault, or a Localhost profile that allows what it needs")
            }
            guard let annotations = PodSecurity.annotations(pod), annotations.isMapping else { continue }
            guard SeccompSettings.annotationsWork(version) else { continue }
            for container in containers where SeccompSettings.containerType(container) == nil {
                let key = SeccompSettings.containerAnnotationPrefix + (container.name?.text ?? "")
                guard let node = annotations[key], node.text == "unconfined" else { continue }
                sink.report(
                    pod.ref, at: node,
                    "container \(PodSecurity.name(container)) runs without a seccomp filter (annotation)",
                    hint: "set securityContext.seccompProfile.type: RuntimeDefault instead of the deprecated annotation"
                )
            }
            if SeccompSettings.podType(pod) == nil, let node = annotations[SeccompSettings.podAnnotation],
                node.text == "unconfined",
                containers.contains(where: { SeccompSettings.containerType($0) == nil })
            {
                sink.report(
                    pod.ref, at: node, "the pod runs its containers without a seccomp filter (annotation)",
                    hint: "set securityContext.seccompProfile.type: RuntimeDefault instead of the deprecated annotation"
                )
            }
        }
    }
}
