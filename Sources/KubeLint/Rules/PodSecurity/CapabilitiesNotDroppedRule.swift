import KubeModel
import KubeYAML

/// Containers that do not drop `ALL` capabilities.
package struct CapabilitiesNotDroppedRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "capabilities-not-dropped",
        name: "Capabilities Not Dropped",
        summary: "A container does not drop ALL capabilities",
        rationale: """
            The runtime's default set (CHOWN, DAC_OVERRIDE, SETUID, NET_RAW, …) is more than most processes use; \
            dropping ALL and adding back what is needed (usually nothing, sometimes NET_BIND_SERVICE) is what the \
            restricted Pod Security level requires. Opt-in: nearly every manifest written without it fails, and \
            net-raw-not-dropped already covers the capability that matters most. Privileged containers \
            (privileged-container), ephemeral containers and Windows pods are skipped.
            """,
        kind: .bestPractice, severity: .info, enabledByDefault: false,
        equivalents: RuleEquivalents(polaris: ["insecureCapabilities"], checkov: ["CKV_K8S_37"]),
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
                    ↓drop: [NET_RAW]
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
                securityContext: {capabilities: {drop: [all]}}
            """
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods where !PodSecurity.isWindows(pod) {
            for container in PodSecurity.templateContainers(pod) where !PodSecurity.isPrivileged(container) {
                if PodSecurity.capabilities(container, "drop").contains(where: { $0.name == "ALL" }) { continue }
                sink.report(
                    pod.ref, at: PodSecurity.anchor(container, ["capabilities", "drop"]),
                    "container \(PodSecurity.name(container)) does not drop ALL capabilities",
                    hint: "set securityContext.capabilities.drop: [ALL] and add back only what it needs")
            }
        }
    }
}
