import KubeYAML

/// Baseline checks on what a pod shares with its node: host namespaces, hostPath volumes, host ports, Windows
/// HostProcess, and hosts in probes and lifecycle handlers.
enum PodSecurityHostChecks {
    static let all: [PodSecurityCheck] = [
        PodSecurityCheck(id: "hostNamespaces", level: .baseline, revisions: [.init(minimumMinor: 0, evaluate: hostNamespaces)]),
        PodSecurityCheck(id: "hostPathVolumes", level: .baseline, revisions: [.init(minimumMinor: 0, evaluate: hostPathVolumes)]),
        PodSecurityCheck(id: "hostPorts", level: .baseline, revisions: [.init(minimumMinor: 0, evaluate: hostPorts)]),
        PodSecurityCheck(id: "windowsHostProcess", level: .baseline, revisions: [.init(minimumMinor: 0, evaluate: hostProcess)]),
        PodSecurityCheck(
            id: "hostProbesAndHostLifecycle", level: .baseline, revisions: [.init(minimumMinor: 34, evaluate: probeHosts)]),
    ]

    /// `spec.hostNetwork`, `hostPID`, `hostIPC` must not be true.
    static func hostNamespaces(_ pod: PodSecurityPod, _: PodSecurityEnvironment) -> PodSecurityViolation? {
        var names: [String] = []
        var nodes: [YAMLNode] = []
        for field in ["hostNetwork", "hostPID", "hostIPC"] {
            guard let node = pod.spec?[field], node.bool == true else { continue }
            names.append("\(field)=true")
            nodes.append(node)
        }
        guard !nodes.isEmpty else { return nil }
        return PodSecurityViolation(
            checkID: "hostNamespaces", reason: "host namespaces", detail: names.joined(separator: ", "), nodes: nodes)
    }

    /// No `spec.volumes[*].hostPath`.
    static func hostPathVolumes(_ pod: PodSecurityPod, _: PodSecurityEnvironment) -> PodSecurityViolation? {
        var names: [String] = []
        var nodes: [YAMLNode] = []
        for volume in pod.spec?["volumes"]?.sequenceItems ?? [] {
            guard let key = volume.pair(forKey: "hostPath")?.key else { continue }
            names.append(volume["name"]?.text ?? "")
            nodes.append(key)
        }
        guard !nodes.isEmpty else { return nil }
        let detail = PodSecurityText.pluralize("volume", "volumes", names.count) + " " + PodSecurityText.joinQuote(names)
        return PodSecurityViolation(checkID: "hostPathVolumes", reason: "hostPath volumes", detail: detail, nodes: nodes)
    }

    /// `ports[*].hostPort` unset or 0 on every container.
    static func hostPorts(_ pod: PodSecurityPod, _: PodSecurityEnvironment) -> PodSecurityViolation? {
        var containers: [String] = []
        var ports: [String] = []
        var nodes: [YAMLNode] = []
        for container in pod.containers {
            var bad = false
            for port in container.node["ports"]?.sequenceItems ?? [] {
                guard let node = port["hostPort"], let value = node.int, value != 0 else { continue }
                bad = true
                ports.append(String(value))
                nodes.append(node)
            }
            if bad { containers.append(container.name) }
        }
        guard !nodes.isEmpty else { return nil }
        let distinct = PodSecurityText.sortedSet(ports)
        let detail = [
            PodSecurityText.containers(containers), PodSecurityText.pluralize("uses", "use", containers.count),
            PodSecurityText.pluralize("hostPort", "hostPorts", distinct.count), distinct.joined(separator: ", "),
        ].joined(separator: " ")
        return PodSecurityViolation(checkID: "hostPorts", reason: "hostPort", detail: detail, nodes: nodes)
    }

    /// `securityContext.windowsOptions.hostProcess` must not be true, on the pod or any container.
    static func hostProcess(_ pod: PodSecurityPod, _: PodSecurityEnvironment) -> PodSecurityViolation? {
        var setters: [String] = []
        var nodes: [YAMLNode] = []
        if let node = pod.securityContext?["windowsOptions"]?["hostProcess"], node.bool == true {
            setters.append("pod")
            nodes.append(node)
        }
        var containers: [String] = []
        for container in pod.containers {
            guard let node = container.context("windowsOptions")?["hostProcess"], node.bool == true else { continue }
            containers.append(container.name)
            nodes.append(node)
        }
        if !containers.isEmpty { setters.append(PodSecurityText.containers(containers)) }
        guard !nodes.isEmpty else { return nil }
        return PodSecurityViolation(
            checkID: "windowsHostProcess", reason: "hostProcess",
            detail: setters.joined(separator: " and ") + " must not set securityContext.windowsOptions.hostProcess=true",
            nodes: nodes)
    }

    /// No `host` in the `httpGet`/`tcpSocket` of probes and `postStart`/`preStop` handlers (policy v1.34+).
    static func probeHosts(_ pod: PodSecurityPod, _: PodSecurityEnvironment) -> PodSecurityViolation? {
        var containers: [String] = []
        var hosts: [String] = []
        var nodes: [YAMLNode] = []
        for container in pod.containers {
            var handlers = ["livenessProbe", "readinessProbe", "startupProbe"].compactMap { container.node[$0] }
            handlers += ["postStart", "preStop"].compactMap { container.node["lifecycle"]?[$0] }
            var bad = false
            for handler in handlers {
                for action in ["httpGet", "tcpSocket"] {
                    guard let node = handler[action]?["host"], let host = node.text, !host.isEmpty else { continue }
                    bad = true
                    hosts.append(host)
                    nodes.append(node)
                }
            }
            if bad { containers.append(container.name) }
        }
        guard !nodes.isEmpty else { return nil }
        let names = PodSecurityText.sortedSet(containers)
        let distinct = PodSecurityText.sortedSet(hosts)
        let detail = [
            PodSecurityText.containers(names), PodSecurityText.pluralize("uses", "use", names.count),
            PodSecurityText.pluralize("probe or lifecycle host", "probe or lifecycle hosts", distinct.count),
            PodSecurityText.joinQuote(distinct),
        ].joined(separator: " ")
        return PodSecurityViolation(
            checkID: "hostProbesAndHostLifecycle", reason: "probe or lifecycle host", detail: detail, nodes: nodes)
    }
}
