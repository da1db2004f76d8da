import KubeModel
import KubeYAML

/// Containers that keep `NET_RAW`: their `capabilities.drop` lists neither `NET_RAW` nor `ALL`.
package struct NetRawNotDroppedRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "net-raw-not-dropped",
        name: "NET_RAW Not Dropped",
        summary: "A container does not drop the NET_RAW capability (nor ALL)",
        rationale: """
            NET_RAW is in the runtimes' default set: it lets a process craft raw packets, spoof addresses and \
            answer ARP or DNS for its neighbours on the node's bridge, which ping alone does not need since \
            Linux 5.x (net.ipv4.ping_group_range). kube-linter and Checkov report it; Checkov's substring test \
            also passes on a drop entry such as `NET_RAW_X`, and neither notices a container that drops ALL but \
            adds NET_RAW back (dangerous-capability-added reports that). Privileged containers keep every \
            capability whatever they drop and are reported by privileged-container; Windows pods have no Linux \
            capabilities.
            """,
        kind: .bestPractice, severity: .info,
        equivalents: RuleEquivalents(kubeLinter: ["drop-net-raw-capability"], checkov: ["CKV_K8S_28"]),
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
                securityContext:
                  capabilities:
                    ↓drop: [SYS_ADMIN]
            """
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: web
                image: nginx:1.27
                securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}
              - name: proxy
                image: envoy:1.31
                securityContext: {capabilities: {drop: [net_raw]}}
              - name: debug
                image: busybox:1.36
                securityContext: {privileged: true}
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods where !PodSecurity.isWindows(pod) {
            for container in PodSecurity.templateContainers(pod) where !PodSecurity.isPrivileged(container) {
                let dropped = PodSecurity.capabilities(container, "drop").map(\.name)
                if dropped.contains("NET_RAW") || dropped.contains("ALL") { continue }
                sink.report(
                    pod.ref, at: PodSecurity.anchor(container, ["capabilities", "drop"]),
                    "container \(PodSecurity.name(container)) keeps the NET_RAW capability",
                    hint: "add NET_RAW (or ALL) to securityContext.capabilities.drop")
            }
        }
    }
}
