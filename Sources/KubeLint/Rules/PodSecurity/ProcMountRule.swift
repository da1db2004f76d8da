import KubeModel
import KubeYAML

/// Containers with `procMount: Unmasked` in a pod that shares the node's user namespace.
package struct ProcMountRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "proc-mount-unmasked",
        name: "Proc Mount Unmasked",
        summary: "A container sets procMount: Unmasked (or anything but Default) without its own user namespace",
        rationale: """
            The runtime masks and makes read-only the parts of /proc that reach the kernel (/proc/kcore, \
            /proc/sys, /proc/sysrq-trigger); Unmasked removes that. With `hostUsers: false` the container's root \
            is an unprivileged user on the node, which is the use Unmasked exists for (nested containers), and the \
            Pod Security baseline level allows it since 1.34; kube-linter and Polaris report it there as well, \
            kubec does not.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(kubeLinter: ["unsafe-proc-mount"], polaris: ["procMount"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: builder
            spec:
              containers:
              - name: builder
                image: buildkit:0.15
                securityContext: {procMount: ↓Unmasked}
            """
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: builder
            spec:
              hostUsers: false
              containers:
              - name: builder
                image: buildkit:0.15
                securityContext: {procMount: Unmasked}
              - name: web
                image: nginx:1.27
                securityContext: {procMount: Default}
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods where pod.podSpec.node?["hostUsers"]?.bool != false {
            for container in pod.containerNodes {
                guard let node = container.securityContext?["procMount"], let value = node.text, value != "Default"
                else { continue }
                sink.report(
                    pod.ref, at: node,
                    "container \(PodSecurity.name(container)) sets procMount: \(value) and shares the node's user "
                        + "namespace",
                    hint: "remove procMount, or set hostUsers: false on the pod")
            }
        }
    }
}
