import KubeYAML

/// Baseline checks on containers and kernel settings: privileged, added capabilities, `/proc` mount type and
/// sysctls, with the versions at which each changed.
enum PodSecurityContainerChecks {
    static let all: [PodSecurityCheck] = [
        PodSecurityCheck(id: "privileged", level: .baseline, revisions: [.init(minimumMinor: 0, evaluate: privileged)]),
        PodSecurityCheck(
            id: "capabilities_baseline", level: .baseline, revisions: [.init(minimumMinor: 0, evaluate: capabilities)]),
        PodSecurityCheck(id: "procMount", level: .baseline, revisions: [
            .init(minimumMinor: 0, evaluate: { pod, _ in procMount(pod, id: "procMount") }),
            // v1.35: a pod in a user namespace may unmask /proc.
            .init(minimumMinor: 35, evaluate: { pod, _ in pod.inUserNamespace ? nil : procMount(pod, id: "procMount") }),
        ]),
        PodSecurityCheck(id: "sysctls", level: .baseline, revisions: [0, 27, 29, 32, 37].map { minor in
            .init(minimumMinor: minor, evaluate: { pod, _ in sysctls(pod, allowedFrom: minor) })
        }),
    ]

    /// `securityContext.privileged` must not be true.
    static func privileged(_ pod: PodSecurityPod, _: PodSecurityEnvironment) -> PodSecurityViolation? {
        let bad = pod.containers.compactMap { container -> (String, YAMLNode)? in
            guard let node = container.context("privileged"), node.bool == true else { return nil }
            return (container.name, node)
        }
        guard !bad.isEmpty else { return nil }
        return PodSecurityViolation(
            checkID: "privileged", reason: "privileged",
            detail: PodSecurityText.containers(bad.map(\.0)) + " must not set securityContext.privileged=true",
            nodes: bad.map(\.1))
    }

    /// The capabilities a baseline container may add (Docker's default set, without `NET_RAW`).
    static let defaultCapabilities: Set<String> = [
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP",
        "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ]

    /// `capabilities.add` holds only default capabilities.
    static func capabilities(_ pod: PodSecurityPod, _: PodSecurityEnvironment) -> PodSecurityViolation? {
        var containers: [String] = []
        var added: [String] = []
        var nodes: [YAMLNode] = []
        for container in pod.containers {
            var bad = false
            for item in container.context("capabilities")?["add"]?.sequenceItems ?? [] {
                let name = item.text ?? ""
                guard !defaultCapabilities.contains(name) else { continue }
                bad = true
                added.append(name)
                nodes.append(item)
            }
            if bad { containers.append(container.name) }
        }
        guard !nodes.isEmpty else { return nil }
        let detail = PodSecurityText.containers(containers) + " must not include "
            + PodSecurityText.joinQuote(PodSecurityText.sortedSet(added)) + " in securityContext.capabilities.add"
        return PodSecurityViolation(checkID: "capabilities_baseline", reason: "non-default capabilities", detail: detail, nodes: nodes)
    }

    /// `securityContext.procMount` unset or `Default` (shared by `procMount` and `procMount_restricted`).
    static func procMount(_ pod: PodSecurityPod, id: String) -> PodSecurityViolation? {
        var containers: [String] = []
        var types: [String] = []
        var nodes: [YAMLNode] = []
        for container in pod.containers {
            guard let node = container.context("procMount"), !node.isNull, let value = node.text, value != "Default"
            else { continue }
            containers.append(container.name)
            types.append(value)
            nodes.append(node)
        }
        guard !nodes.isEmpty else { return nil }
        let detail = PodSecurityText.containers(containers) + " must not set securityContext.procMount to "
            + PodSecurityText.joinQuote(PodSecurityText.sortedSet(types))
        return PodSecurityViolation(checkID: id, reason: "procMount", detail: detail, nodes: nodes)
    }

    /// The sysctls the baseline allows, by the policy version that added them.
    static let safeSysctls: [(minor: Int, names: [String])] = [
        (0, ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
             "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start"]),
        (27, ["net.ipv4.ip_local_reserved_ports"]),
        (29, ["net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
              "net.ipv4.tcp_keepalive_probes"]),
        (32, ["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"]),
        (37, ["net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"]),
    ]

    /// `spec.securityContext.sysctls[*].name` in the safe set of a version.
    static func sysctls(_ pod: PodSecurityPod, allowedFrom minor: Int) -> PodSecurityViolation? {
        let allowed = Set(safeSysctls.filter { $0.minor <= minor }.flatMap(\.names))
        var names: [String] = []
        var nodes: [YAMLNode] = []
        for sysctl in pod.securityContext?["sysctls"]?.sequenceItems ?? [] {
            let name = sysctl["name"]?.text ?? ""
            guard !allowed.contains(name) else { continue }
            names.append(name)
            nodes.append(sysctl["name"] ?? sysctl)
        }
        guard !nodes.isEmpty else { return nil }
        return PodSecurityViolation(
            checkID: "sysctls", reason: "forbidden sysctls", detail: names.joined(separator: ", "), nodes: nodes)
    }
}
