import KubeModel
import KubeYAML

/// Containers that no Linux hardening confines: no seccomp profile, no SELinux options, no AppArmor profile and
/// no dropped capability.
package struct LinuxHardeningRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "linux-hardening-missing",
        name: "Linux Hardening Missing",
        summary: "A container uses none of seccomp, SELinux, AppArmor or dropped capabilities",
        rationale: """
            Each of these limits what a compromised process can ask the kernel for; a container with none of \
            them relies on the node's defaults alone. Polaris' linuxHardening check, kept as one rule for \
            those migrating from it; opt-in, since seccomp-profile-missing and capabilities-not-dropped say more \
            precisely what is missing. Settings inherited from the pod count; so do the deprecated AppArmor \
            annotations and, before 1.27, the seccomp ones. Windows pods are skipped.
            """,
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(polaris: ["linuxHardening"]),
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
              - name: proxy
                image: envoy:1.31
                ↓securityContext: {seccompProfile: {type: Unconfined}, capabilities: {drop: []}}
            """
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              annotations:
                container.apparmor.security.beta.kubernetes.io/c: runtime/default
            spec:
              securityContext:
                seLinuxOptions: {level: "s0:c123,c456"}
              containers:
              - {name: a, image: a:1.0}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: more
              annotations:
                container.apparmor.security.beta.kubernetes.io/c: runtime/default
            spec:
              containers:
              - {name: a, image: a:1.0, securityContext: {capabilities: {drop: [NET_RAW]}}}
              - {name: b, image: b:1.0, securityContext: {seccompProfile: {type: RuntimeDefault}}}
              - {name: c, image: c:1.0}
            """
        ])

    /// `--kubernetes-version`'s minor number (nil: the Cluster document's, else the newest).
    let kubernetesMinor: Int?

    package init(kubernetesMinor: Int? = nil) { self.kubernetesMinor = kubernetesMinor }

    package func configured(by configuration: LintConfiguration) -> LinuxHardeningRule {
        LinuxHardeningRule(kubernetesMinor: configuration.kubernetesMinor)
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        let minor = EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context)
        let works = SeccompSettings.annotationsWork(minor)
        for pod in context.pods where !PodSecurity.isWindows(pod) {
            let podSELinux = (pod.podSpec.securityContext?["seLinuxOptions"]?.count ?? 0) > 0
            for container in PodSecurity.templateContainers(pod) {
                if podSELinux || (container.securityContext?["seLinuxOptions"]?.count ?? 0) > 0 { continue }
                if !PodSecurity.capabilities(container, "drop").isEmpty { continue }
                if SeccompSettings.seccompConfines(pod, container, annotationsWork: works) { continue }
                if SeccompSettings.appArmorConfines(pod, container) { continue }
                sink.report(
                    pod.ref, at: PodSecurity.anchor(container),
                    "container \(PodSecurity.name(container)) has no seccomp profile, SELinux options, "
                        + "AppArmor profile or dropped capability",
                    hint: "set seccompProfile.type: RuntimeDefault and capabilities.drop: [ALL]")
            }
        }
    }
}
