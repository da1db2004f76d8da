import KubeModel
import KubeYAML

/// Pods sharing the host's network, PID or IPC namespace.
package struct HostNamespacesRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "host-namespaces",
        name: "Host Namespaces",
        summary: "A pod uses hostNetwork, hostPID or hostIPC",
        rationale: "The pod sees and can reach the node's processes, interfaces or shared memory; reserve it for node agents.",
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(
            kubeLinter: ["host-network", "host-pid", "host-ipc"], polaris: ["hostNetworkSet", "hostPIDSet", "hostIPCSet"],
            checkov: ["CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
            spec:
              hostNetwork: ↓true
              hostPID: ↓true
              containers: [{name: debug, image: busybox:1.36}]
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              hostNetwork: false
              containers: [{name: web, image: nginx:1.27}]
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.pods {
            for key in ["hostNetwork", "hostPID", "hostIPC"] {
                guard let node = entry.podSpec[key], node.bool == true else { continue }
                sink.report(entry.ref, at: node, "the pod shares the host's \(["hostNetwork": "network", "hostPID": "PID", "hostIPC": "IPC"][key] ?? key) namespace (\(key): true)",
                            hint: "remove \(key) unless this is a node agent")
            }
        }
    }
}
