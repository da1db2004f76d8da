import KubeModel
import KubeYAML

/// Privileged containers.
package struct PrivilegedContainerRule: Rule {
    package static let description = RuleDescription(
        id: "privileged-container",
        name: "Privileged Container",
        summary: "A container runs privileged",
        rationale: "A privileged container has every capability and the host's devices: escaping it is trivial.",
        kind: .bestPractice, severity: .warning,
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
            spec:
              containers:
              - name: agent
                image: agent:1.0
                securityContext: {privileged: ↓true}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
            spec:
              containers:
              - name: agent
                image: agent:1.0
                securityContext: {privileged: false, capabilities: {add: [NET_ADMIN]}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.podTemplates {
            for container in entry.containerNodes {
                guard let node = container["securityContext"]?["privileged"], node.bool == true else { continue }
                sink.report(entry.ref, at: node, "container \(FieldValue.quote(container["name"]?.text ?? "")) runs privileged",
                            hint: "grant only the capabilities it needs")
            }
        }
    }
}

/// Containers that explicitly allow privilege escalation or add CAP_SYS_ADMIN.
package struct PrivilegeEscalationRule: Rule {
    package static let description = RuleDescription(
        id: "privilege-escalation-allowed",
        name: "Privilege Escalation Allowed",
        summary: "A container sets allowPrivilegeEscalation: true or adds SYS_ADMIN",
        rationale: "setuid binaries can then gain more privileges than the container process started with.",
        kind: .bestPractice, severity: .warning,
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: tool
            spec:
              containers:
              - name: tool
                image: tool:1.0
                securityContext:
                  allowPrivilegeEscalation: ↓true
                  capabilities: {add: [↓SYS_ADMIN]}
            """,
        ],
        nonTriggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: tool
            spec:
              containers:
              - name: tool
                image: tool:1.0
                securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.podTemplates {
            for container in entry.containerNodes {
                let name = FieldValue.quote(container["name"]?.text ?? "")
                if let node = container["securityContext"]?["allowPrivilegeEscalation"], node.bool == true {
                    sink.report(entry.ref, at: node, "container \(name) allows privilege escalation",
                                hint: "set allowPrivilegeEscalation: false")
                }
                for capability in container["securityContext"]?["capabilities"]?["add"]?.sequenceItems ?? [] {
                    guard let text = capability.text, text == "SYS_ADMIN" || text == "CAP_SYS_ADMIN" else { continue }
                    sink.report(entry.ref, at: capability, "container \(name) adds \(text), which allows escalation",
                                hint: "drop SYS_ADMIN; grant narrower capabilities")
                }
            }
        }
    }
}

/// Containers that may run as root: neither the pod nor the container sets runAsNonRoot or a non-zero user.
package struct RunAsRootRule: Rule {
    package static let description = RuleDescription(
        id: "run-as-root",
        name: "Run As Root",
        summary: "A container may run as root: no runAsNonRoot: true and no non-zero runAsUser",
        rationale: "A root process in a container is root on the host once it escapes; most images run fine as a user.",
        kind: .bestPractice, severity: .info,
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
            """,
        ])

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for entry in context.podTemplates {
            let pod = entry.template.spec.securityContext
            let containers = entry.template.spec.containers
            for index in containers.indices {
                guard let node = containers[index].node else { continue }
                let own = containers[index].securityContext
                let containerName = containers[index].name
                let user = own?.runAsUser ?? pod?.runAsUser
                if user == 0 {
                    let at = node["securityContext"]?["runAsUser"] ?? entry.podSpec["securityContext"]?["runAsUser"] ?? node
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

/// Pods sharing the host's network, PID or IPC namespace.
package struct HostNamespacesRule: Rule {
    package static let description = RuleDescription(
        id: "host-namespaces",
        name: "Host Namespaces",
        summary: "A pod uses hostNetwork, hostPID or hostIPC",
        rationale: "The pod sees and can reach the node's processes, interfaces or shared memory; reserve it for node agents.",
        kind: .bestPractice, severity: .warning,
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
        for entry in context.podTemplates {
            for key in ["hostNetwork", "hostPID", "hostIPC"] {
                guard let node = entry.podSpec[key], node.bool == true else { continue }
                sink.report(entry.ref, at: node, "the pod shares the host's \(["hostNetwork": "network", "hostPID": "PID", "hostIPC": "IPC"][key] ?? key) namespace (\(key): true)",
                            hint: "remove \(key) unless this is a node agent")
            }
        }
    }
}
