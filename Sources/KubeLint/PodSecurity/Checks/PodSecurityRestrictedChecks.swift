import KubeYAML

/// The restricted level's own checks; several replace a weaker baseline check of the same concern.
enum PodSecurityRestrictedChecks {
    static let all: [PodSecurityCheck] = [
        PodSecurityCheck(id: "restrictedVolumes", level: .restricted, revisions: [
            .init(minimumMinor: 0, overrides: ["hostPathVolumes"], evaluate: restrictedVolumes),
        ]),
        PodSecurityCheck(id: "allowPrivilegeEscalation", level: .restricted, revisions: [
            .init(minimumMinor: 8, evaluate: { pod, _ in privilegeEscalation(pod) }),
            .init(minimumMinor: 25, evaluate: { pod, _ in pod.isWindows ? nil : privilegeEscalation(pod) }),
        ]),
        PodSecurityCheck(id: "runAsNonRoot", level: .restricted, revisions: [
            .init(minimumMinor: 0, evaluate: { pod, _ in runAsNonRoot(pod) }),
            .init(minimumMinor: 35, evaluate: { pod, _ in pod.inUserNamespace ? nil : runAsNonRoot(pod) }),
        ]),
        PodSecurityCheck(id: "runAsUser", level: .restricted, revisions: [
            .init(minimumMinor: 23, evaluate: { pod, _ in runAsUser(pod) }),
            .init(minimumMinor: 35, evaluate: { pod, _ in pod.inUserNamespace ? nil : runAsUser(pod) }),
        ]),
        PodSecurityCheck(id: "seccompProfile_restricted", level: .restricted, revisions: [
            .init(minimumMinor: 19, overrides: ["seccompProfile_baseline"], evaluate: { pod, _ in seccomp(pod) }),
            .init(minimumMinor: 25, overrides: ["seccompProfile_baseline"], evaluate: { pod, _ in
                pod.isWindows ? nil : seccomp(pod)
            }),
        ]),
        PodSecurityCheck(id: "capabilities_restricted", level: .restricted, revisions: [
            .init(minimumMinor: 22, overrides: ["capabilities_baseline"], evaluate: { pod, _ in capabilities(pod) }),
            .init(minimumMinor: 25, overrides: ["capabilities_baseline"], evaluate: { pod, _ in
                pod.isWindows ? nil : capabilities(pod)
            }),
        ]),
        PodSecurityCheck(id: "procMount_restricted", level: .restricted, revisions: [
            .init(minimumMinor: 35, overrides: ["procMount"], evaluate: { pod, _ in
                PodSecurityContainerChecks.procMount(pod, id: "procMount_restricted")
            }),
        ]),
    ]

    /// Volume sources a restricted pod may use (`image` from Kubernetes 1.33, where the check learnt it).
    static let allowedVolumeSources: Set<String> = [
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret",
    ]

    /// The names the plugin gives restricted volume sources, in the order it tests them.
    static let namedVolumeSources = [
        "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd",
        "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk",
        "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
    ]

    /// Only the core volume types.
    static func restrictedVolumes(_ pod: PodSecurityPod, _ environment: PodSecurityEnvironment) -> PodSecurityViolation? {
        var allowed = allowedVolumeSources
        if environment.kubernetesMinor >= 33 { allowed.insert("image") }
        var names: [String] = []
        var types: [String] = []
        var nodes: [YAMLNode] = []
        for volume in pod.spec?["volumes"]?.sequenceItems ?? [] where volume.isMapping {
            let keys = volume.pairs.compactMap { $0.key.text }
            if keys.contains(where: allowed.contains) { continue }
            names.append(volume["name"]?.text ?? "")
            let type = namedVolumeSources.first(where: keys.contains) ?? "unknown"
            types.append(type)
            nodes.append(volume.pair(forKey: type)?.key ?? volume["name"] ?? volume)
        }
        guard !nodes.isEmpty else { return nil }
        let distinct = PodSecurityText.sortedSet(types)
        let detail = [
            PodSecurityText.pluralize("volume", "volumes", names.count), PodSecurityText.joinQuote(names),
            PodSecurityText.pluralize("uses", "use", names.count),
            PodSecurityText.pluralize("restricted volume type", "restricted volume types", distinct.count),
            PodSecurityText.joinQuote(distinct),
        ].joined(separator: " ")
        return PodSecurityViolation(checkID: "restrictedVolumes", reason: "restricted volume types", detail: detail, nodes: nodes)
    }

    /// Every container sets `allowPrivilegeEscalation: false`.
    static func privilegeEscalation(_ pod: PodSecurityPod) -> PodSecurityViolation? {
        let bad = pod.containers.filter { $0.context("allowPrivilegeEscalation")?.bool != false }
        guard !bad.isEmpty else { return nil }
        return PodSecurityViolation(
            checkID: "allowPrivilegeEscalation", reason: "allowPrivilegeEscalation != false",
            detail: PodSecurityText.containers(bad.map(\.name)) + " must set securityContext.allowPrivilegeEscalation=false",
            nodes: bad.map { $0.context("allowPrivilegeEscalation") ?? $0.anchor })
    }

    /// `runAsNonRoot: true` on the pod or on every container, and `false` nowhere.
    static func runAsNonRoot(_ pod: PodSecurityPod) -> PodSecurityViolation? {
        var setters: [String] = []
        var nodes: [YAMLNode] = []
        var podSet = false
        if let node = pod.securityContext?["runAsNonRoot"], let value = node.bool {
            if value { podSet = true } else {
                setters.append("pod")
                nodes.append(node)
            }
        }
        var explicit: [String] = []
        var implicit: [PodSecurityPod.Container] = []
        for container in pod.containers {
            if let node = container.context("runAsNonRoot"), let value = node.bool {
                if !value {
                    explicit.append(container.name)
                    nodes.append(node)
                }
            } else if !podSet {
                implicit.append(container)
            }
        }
        if !explicit.isEmpty { setters.append(PodSecurityText.containers(explicit)) }
        if !setters.isEmpty {
            return PodSecurityViolation(
                checkID: "runAsNonRoot", reason: "runAsNonRoot != true",
                detail: setters.joined(separator: " and ") + " must not set securityContext.runAsNonRoot=false", nodes: nodes)
        }
        guard !implicit.isEmpty else { return nil }
        return PodSecurityViolation(
            checkID: "runAsNonRoot", reason: "runAsNonRoot != true",
            detail: "pod or " + PodSecurityText.containers(implicit.map(\.name)) + " must set securityContext.runAsNonRoot=true",
            nodes: implicit.map(\.anchor))
    }

    /// `runAsUser` is not 0, on the pod or any container.
    static func runAsUser(_ pod: PodSecurityPod) -> PodSecurityViolation? {
        var setters: [String] = []
        var nodes: [YAMLNode] = []
        if let node = pod.securityContext?["runAsUser"], node.int == 0 {
            setters.append("pod")
            nodes.append(node)
        }
        var containers: [String] = []
        for container in pod.containers {
            guard let node = container.context("runAsUser"), node.int == 0 else { continue }
            containers.append(container.name)
            nodes.append(node)
        }
        if !containers.isEmpty { setters.append(PodSecurityText.containers(containers)) }
        guard !nodes.isEmpty else { return nil }
        return PodSecurityViolation(
            checkID: "runAsUser", reason: "runAsUser=0",
            detail: setters.joined(separator: " and ") + " must not set runAsUser=0", nodes: nodes)
    }

    /// A seccomp profile of type `RuntimeDefault` or `Localhost` for every container.
    static func seccomp(_ pod: PodSecurityPod) -> PodSecurityViolation? {
        PodSecurityProfileChecks.seccompFields(pod, id: "seccompProfile_restricted", requireSet: true)
    }

    /// `capabilities.drop` includes `ALL`; `capabilities.add` holds at most `NET_BIND_SERVICE`.
    static func capabilities(_ pod: PodSecurityPod) -> PodSecurityViolation? {
        var missingDrop: [String] = []
        var adding: [String] = []
        var added: [String] = []
        var nodes: [YAMLNode] = []
        for container in pod.containers {
            guard let capabilities = container.context("capabilities"), capabilities.isMapping else {
                missingDrop.append(container.name)
                nodes.append(container.context("capabilities") ?? container.anchor)
                continue
            }
            let drop = capabilities["drop"]
            if !(drop?.sequenceItems.contains { $0.text == "ALL" } ?? false) {
                missingDrop.append(container.name)
                nodes.append(drop ?? capabilities.pairs.first?.key ?? capabilities)
            }
            var bad = false
            for item in capabilities["add"]?.sequenceItems ?? [] where item.text != "NET_BIND_SERVICE" {
                bad = true
                added.append(item.text ?? "")
                nodes.append(item)
            }
            if bad { adding.append(container.name) }
        }
        var details: [String] = []
        if !missingDrop.isEmpty {
            details.append(PodSecurityText.containers(missingDrop) + #" must set securityContext.capabilities.drop=["ALL"]"#)
        }
        if !adding.isEmpty {
            details.append(PodSecurityText.containers(adding) + " must not include "
                + PodSecurityText.joinQuote(PodSecurityText.sortedSet(added)) + " in securityContext.capabilities.add")
        }
        guard !details.isEmpty else { return nil }
        return PodSecurityViolation(
            checkID: "capabilities_restricted", reason: "unrestricted capabilities", detail: details.joined(separator: "; "),
            nodes: nodes)
    }
}
