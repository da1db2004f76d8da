import KubeModel
import KubeYAML

/// Pods whose containers run with no seccomp profile set.
package struct SeccompProfileMissingRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "seccomp-profile-missing",
        name: "Seccomp Profile Missing",
        summary: "Neither the pod nor a container sets securityContext.seccompProfile",
        rationale: """
            Without a profile the container runs Unconfined unless the kubelet runs with --seccomp-default; the \
            restricted Pod Security level requires RuntimeDefault or Localhost. Opt-in, as in kube-score, since \
            many clusters turn --seccomp-default on. Reported once per pod when nothing sets it, else per \
            container left out. Checkov also fails a Localhost profile, which is stricter than RuntimeDefault, \
            and accepts the annotations that are non-functional since 1.27; kubec counts the annotations only \
            for older clusters (the input's Cluster document). Explicit Unconfined is seccomp-unconfined's; \
            Windows pods have no seccomp.
            """,
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(kubeScore: ["container-seccomp-profile"], checkov: ["CKV_K8S_31"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                seccomp.security.alpha.kubernetes.io/pod: runtime/default
            spec:
              ↓containers:
              - name: web
                image: nginx:1.27
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                securityContext: {seccompProfile: {type: RuntimeDefault}}
              - ↓name: proxy
                image: envoy:1.31
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              securityContext:
                seccompProfile: {type: Localhost, localhostProfile: profiles/web.json}
              containers:
              - name: web
                image: nginx:1.27
            """,
            """
            apiVersion: kubec.dev/v1alpha1
            kind: Cluster
            metadata: {name: old}
            spec: {kubernetesVersion: "1.25"}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                seccomp.security.alpha.kubernetes.io/pod: runtime/default
            spec:
              containers: [{name: web, image: nginx:1.27}]
            """,
        ])

    /// `--kubernetes-version`'s minor number (nil: the Cluster document's, else the newest).
    let kubernetesMinor: Int?

    package init(kubernetesMinor: Int? = nil) { self.kubernetesMinor = kubernetesMinor }

    package func configured(by configuration: LintConfiguration) -> SeccompProfileMissingRule {
        SeccompProfileMissingRule(kubernetesMinor: configuration.kubernetesMinor)
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        // One lookup of the Cluster document per check, not per pod.
        let version = EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context)
        for pod in context.pods where !PodSecurity.isWindows(pod) {
            if SeccompSettings.podType(pod) != nil { continue }
            let works = SeccompSettings.annotationsWork(version)
            let containers = PodSecurity.templateContainers(pod)
            let missing = containers.filter { container in
                SeccompSettings.containerType(container) == nil
                    && !(works && SeccompSettings.seccompConfines(pod, container, annotationsWork: true))
            }
            if missing.isEmpty { continue }
            if missing.count == containers.count {
                let annotated = !works && PodSecurity.annotations(pod)?[SeccompSettings.podAnnotation] != nil
                sink.report(
                    pod.ref, at: SeccompSettings.podAnchor(pod),
                    "no seccomp profile: neither the pod nor its containers set securityContext.seccompProfile"
                        + (annotated ? " (the seccomp annotations do nothing since Kubernetes 1.27)" : ""),
                    hint: "set spec.securityContext.seccompProfile.type: RuntimeDefault")
                continue
            }
            for container in missing {
                sink.report(
                    pod.ref, at: PodSecurity.anchor(container),
                    "container \(PodSecurity.name(container)) sets no seccomp profile and the pod none either",
                    hint: "set seccompProfile.type: RuntimeDefault on the pod or the container")
            }
        }
    }
}
