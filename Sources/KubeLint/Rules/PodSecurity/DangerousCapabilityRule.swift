import KubeModel
import KubeYAML

/// Containers that add a capability beyond the baseline set (`ALL`, `NET_ADMIN`, `SYS_PTRACE`, `NET_RAW` and others).
package struct DangerousCapabilityRule: Rule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "dangerous-capability-added",
        name: "Dangerous Capability Added",
        summary: "A container adds a capability outside the baseline set (ALL, NET_ADMIN, SYS_PTRACE, NET_RAW, …)",
        rationale: """
            Capabilities outside the runtime's default set reach the node: NET_ADMIN rewrites the pod's (or with \
            hostNetwork the node's) routes and iptables, SYS_PTRACE reads other processes' memory, SYS_MODULE \
            loads kernel modules, ALL is all of them. The Pod Security baseline level refuses them. Checkov's \
            CKV_K8S_25 flags every added capability, including the recommended `drop: [ALL]` plus \
            `add: [NET_BIND_SERVICE]`; kubec accepts the baseline set (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, \
            FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT). SYS_ADMIN is \
            reported by privilege-escalation-allowed. Names are compared as the runtimes read them: case-blind, \
            with or without CAP_.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(polaris: ["dangerousCapabilities"], checkov: ["CKV_K8S_25"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: vpn
            spec:
              containers:
              - name: vpn
                image: wireguard:1.0
                securityContext:
                  capabilities:
                    drop: [ALL]
                    add: [↓NET_ADMIN, ↓cap_sys_ptrace, NET_BIND_SERVICE]
              - name: tool
                image: tool:1.0
                securityContext: {capabilities: {add: [↓ALL]}}
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
                securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, CAP_CHOWN]}}
            """
        ])

    /// Why the capabilities people add most often matter.
    static let reasons: [String: String] = [
        "ALL": "every capability",
        "NET_ADMIN": "it can change routes, iptables and interfaces",
        "NET_RAW": "it can craft raw packets and spoof its neighbours",
        "SYS_PTRACE": "it can read and change other processes' memory",
        "SYS_MODULE": "it can load kernel modules",
        "SYS_RAWIO": "it can read and write raw devices and memory",
        "SYS_TIME": "it can set the node's clock",
        "SYS_BOOT": "it can reboot the node",
        "DAC_READ_SEARCH": "it can read any file it can reach",
        "BPF": "it can load BPF programs",
        "PERFMON": "it can trace the kernel",
        "SYSLOG": "it can read the kernel log",
        "IPC_LOCK": "it can lock memory",
        "LINUX_IMMUTABLE": "it can change immutable files",
    ]

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        for pod in context.pods {
            for container in pod.containerNodes {
                for (name, node) in PodSecurity.capabilities(container, "add") {
                    guard name != "SYS_ADMIN", !PodSecurity.baselineCapabilities.contains(name) else { continue }
                    let reason = Self.reasons[name].map { name == "ALL" ? " (\($0))" : ": \($0)" } ?? ""
                    sink.report(
                        pod.ref, at: node, "container \(PodSecurity.name(container)) adds \(name)\(reason)",
                        hint: "remove it from capabilities.add, or run this as a reviewed node agent")
                }
            }
        }
    }
}
