import KubeModel
import KubeYAML

/// Pod sysctls outside the kubelet's safe set for the cluster's Kubernetes version.
package struct UnsafeSysctlRule: ConfigurableRule {
    package static let scope = RuleScope.perObject
    package static let description = RuleDescription(
        id: "unsafe-sysctl",
        name: "Unsafe Sysctl",
        summary:
            "A pod sets a sysctl outside the safe set of its Kubernetes version, or one its host namespaces forbid",
        rationale: """
            The kubelet refuses a pod with an unsafe sysctl (status SysctlForbidden) unless the node allows it \
            with --allowed-unsafe-sysctls; one that is not namespaced (vm.*, kernel.pid_max, …) no pod can set; \
            a net.* sysctl with hostNetwork, or an IPC one with hostIPC, would change the node itself and is \
            refused too. The safe set grows with the version (1.27, 1.29, 1.32), read from the input's Cluster \
            document, the newest when there is none. kube-linter flags every net.* sysctl, so its check fires on \
            the safe net.ipv4.ip_local_port_range; names written with slashes are read as the kubelet reads them.
            """,
        kind: .bestPractice, severity: .warning,
        equivalents: RuleEquivalents(kubeLinter: ["unsafe-sysctls"]),
        triggering: [
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: db
            spec:
              securityContext:
                sysctls:
                - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}
                - {name: ↓kernel.msgmax, value: "65536"}
                - {name: ↓vm.max_map_count, value: "262144"}
              containers: [{name: db, image: postgres:16}]
            """,
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
            spec:
              hostNetwork: true
              securityContext:
                sysctls: [{name: ↓net/ipv4/tcp_syncookies, value: "1"}]
              containers: [{name: agent, image: agent:1.0}]
            """,
            """
            apiVersion: kubec.dev/v1alpha1
            kind: Cluster
            metadata: {name: old}
            spec: {kubernetesVersion: "1.28"}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              securityContext:
                sysctls: [{name: ↓net.ipv4.tcp_keepalive_time, value: "600"}]
              containers: [{name: web, image: nginx:1.27}]
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
                sysctls:
                - {name: net.ipv4.ip_local_port_range, value: "1024 65535"}
                - {name: net.ipv4.tcp_keepalive_time, value: "600"}
                - {name: kernel.shm_rmid_forced, value: "1"}
              containers: [{name: web, image: nginx:1.27}]
            """
        ])

    /// The safe sysctls and the minor version each became safe in (kubelet `safe_sysctls.go`, Pod Security
    /// `check_sysctls.go`).
    static let safe: [String: Int] = [
        "kernel.shm_rmid_forced": 0, "net.ipv4.ip_local_port_range": 0, "net.ipv4.tcp_syncookies": 0,
        "net.ipv4.ping_group_range": 0, "net.ipv4.ip_unprivileged_port_start": 0,
        "net.ipv4.ip_local_reserved_ports": 27,
        "net.ipv4.tcp_keepalive_time": 29, "net.ipv4.tcp_fin_timeout": 29, "net.ipv4.tcp_keepalive_intvl": 29,
        "net.ipv4.tcp_keepalive_probes": 29,
        "net.ipv4.tcp_rmem": 32, "net.ipv4.tcp_wmem": 32,
    ]

    /// The kernel namespace a sysctl belongs to (kubelet `namespace.go`): `net`, `ipc`, or nil when it is not
    /// namespaced.
    static func namespace(of name: String) -> String? {
        if name.hasPrefix("net.") { return "net" }
        if ["kernel.shm", "kernel.msg", "fs.mqueue."].contains(where: name.hasPrefix) || name == "kernel.sem" {
            return "ipc"
        }
        return nil
    }

    /// A sysctl name with dots as separators: `net/ipv4/conf/eth0.100/rp_filter` becomes
    /// `net.ipv4.conf.eth0/100.rp_filter` (kubelet `ConvertSysctlVariableToDotsSeparator`).
    static func dotted(_ name: String) -> String {
        guard let first = name.firstIndex(where: { $0 == "." || $0 == "/" }), name[first] == "/" else { return name }
        return String(name.map { $0 == "/" ? "." : $0 == "." ? "/" : $0 })
    }

    /// `--kubernetes-version`'s minor number (nil: the Cluster document's, else the newest).
    let kubernetesMinor: Int?

    package init(kubernetesMinor: Int? = nil) { self.kubernetesMinor = kubernetesMinor }

    package func configured(by configuration: LintConfiguration) -> UnsafeSysctlRule {
        UnsafeSysctlRule(kubernetesMinor: configuration.kubernetesMinor)
    }

    package func check(_ context: LintContext, into sink: inout FindingSink) {
        var version: Int?
        for pod in context.pods {
            guard let sysctls = pod.podSpec.securityContext?["sysctls"], sysctls.isSequence else { continue }
            for item in sysctls.items {
                guard let node = item["name"], let written = node.text, !written.isEmpty else { continue }
                let name = Self.dotted(written)
                let minor = version ?? EffectiveKubernetesVersion.minor(configured: kubernetesMinor, context) ?? Int.max
                version = minor
                let quoted = FieldValue.quote(written)
                if let namespace = Self.namespace(of: name),
                    let host = namespace == "net" ? pod.podSpec.hostNetwork : pod.podSpec.hostIPC, host.bool == true
                {
                    let field = namespace == "net" ? "hostNetwork" : "hostIPC"
                    sink.report(
                        pod.ref, at: node,
                        "sysctl \(quoted) would change the node itself: the kubelet refuses it with \(field)",
                        hint: "drop the sysctl or \(field)")
                } else if let since = Self.safe[name] {
                    guard since > minor else { continue }
                    sink.report(
                        pod.ref, at: node,
                        "sysctl \(quoted) is safe only from Kubernetes 1.\(since); "
                            + "the kubelet of 1.\(minor) refuses it",
                        hint: "upgrade the cluster, or allow it on the nodes with --allowed-unsafe-sysctls")
                } else if Self.namespace(of: name) == nil {
                    sink.report(
                        pod.ref, at: node,
                        "sysctl \(quoted) is not namespaced: no pod can set it, the kubelet refuses the pod",
                        hint: "set it on the nodes (a DaemonSet or the node image), not in the pod")
                } else {
                    sink.report(
                        pod.ref, at: node,
                        "sysctl \(quoted) is unsafe: the kubelet refuses the pod unless the node allows it",
                        hint: "allow it with the kubelet's --allowed-unsafe-sysctls on dedicated nodes, or drop it")
                }
            }
        }
    }
}
