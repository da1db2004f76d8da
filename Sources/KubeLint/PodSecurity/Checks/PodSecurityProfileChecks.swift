import KubeModel
import KubeYAML

/// Baseline checks on the Linux security modules: AppArmor, SELinux and seccomp profiles, on the pod's and
/// containers' security contexts and in the older annotations.
enum PodSecurityProfileChecks {
    static let all: [PodSecurityCheck] = [
        PodSecurityCheck(id: "appArmorProfile", level: .baseline, revisions: [.init(minimumMinor: 0, evaluate: appArmor)]),
        PodSecurityCheck(id: "seLinuxOptions", level: .baseline, revisions: [
            .init(minimumMinor: 0, evaluate: { pod, _ in seLinux(pod, allowed: seLinuxTypes) }),
            .init(minimumMinor: 31, evaluate: { pod, _ in seLinux(pod, allowed: seLinuxTypes.union(["container_engine_t"])) }),
        ]),
        PodSecurityCheck(id: "seccompProfile_baseline", level: .baseline, revisions: [
            .init(minimumMinor: 0, evaluate: seccompAnnotations),
            .init(minimumMinor: 19, evaluate: { pod, _ in seccompFields(pod, id: "seccompProfile_baseline", requireSet: false) }),
        ]),
    ]

    static let appArmorAnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/"

    /// AppArmor `type` `RuntimeDefault` or `Localhost`; annotation values empty, `runtime/default` or `localhost/*`.
    static func appArmor(_ pod: PodSecurityPod, _: PodSecurityEnvironment) -> PodSecurityViolation? {
        var setters: [String] = []
        var values: [String] = []
        var nodes: [YAMLNode] = []
        func badType(_ profile: YAMLNode?) -> YAMLNode? {
            guard let profile, profile.isMapping else { return nil }
            let type = profile["type"]?.text ?? ""
            guard type != "RuntimeDefault", type != "Localhost" else { return nil }
            values.append(type)
            return profile["type"] ?? profile
        }
        if let node = badType(pod.securityContext?["appArmorProfile"]) {
            setters.append("pod")
            nodes.append(node)
        }
        var containers: [String] = []
        for container in pod.containers {
            guard let node = badType(container.context("appArmorProfile")) else { continue }
            containers.append(container.name)
            nodes.append(node)
        }
        if !containers.isEmpty { setters.append(PodSecurityText.containers(containers)) }
        var valueList = PodSecurityText.sortedSet(values)
        var annotations: [String] = []
        for pair in pod.annotationPairs where pair.name.hasPrefix(appArmorAnnotationPrefix) {
            let value = pair.text
            guard !(value.isEmpty || value == "runtime/default" || value.hasPrefix("localhost/")) else { continue }
            annotations.append("\(pair.name)=\(GoQuote.quote(value))")
            nodes.append(pair.value)
        }
        if !annotations.isEmpty {
            valueList += PodSecurityText.sortedSet(annotations)
            setters.append(PodSecurityText.pluralize("annotation", "annotations", annotations.count))
        }
        guard !nodes.isEmpty else { return nil }
        return PodSecurityViolation(
            checkID: "appArmorProfile",
            reason: PodSecurityText.pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", valueList.count),
            detail: setters.joined(separator: " and ") + " must not set AppArmor profile type to "
                + PodSecurityText.joinQuote(valueList),
            nodes: nodes)
    }

    /// SELinux types allowed from policy v1.0 (v1.31 adds `container_engine_t`).
    static let seLinuxTypes: Set<String> = ["", "container_t", "container_init_t", "container_kvm_t"]

    /// `seLinuxOptions.type` in the allowed set; `user` and `role` unset.
    static func seLinux(_ pod: PodSecurityPod, allowed: Set<String>) -> PodSecurityViolation? {
        var badTypes: [String] = []
        var setUser = false
        var setRole = false
        var nodes: [YAMLNode] = []
        func valid(_ options: YAMLNode?) -> Bool {
            guard let options, options.isMapping else { return true }
            var valid = true
            let type = options["type"]?.text ?? ""
            if !allowed.contains(type) {
                valid = false
                badTypes.append(type)
                nodes.append(options["type"] ?? options)
            }
            for (field, flag) in [("user", 0), ("role", 1)] {
                guard let node = options[field], let text = node.text, !text.isEmpty else { continue }
                valid = false
                if flag == 0 { setUser = true } else { setRole = true }
                nodes.append(node)
            }
            return valid
        }
        var setters: [String] = []
        if !valid(pod.securityContext?["seLinuxOptions"]) { setters.append("pod") }
        let containers = pod.containers.filter { !valid($0.context("seLinuxOptions")) }.map(\.name)
        if !containers.isEmpty { setters.append(PodSecurityText.containers(containers)) }
        guard !setters.isEmpty else { return nil }
        var data: [String] = []
        let types = PodSecurityText.sortedSet(badTypes)
        if !types.isEmpty {
            data.append(PodSecurityText.pluralize("type", "types", types.count) + " " + PodSecurityText.joinQuote(types))
        }
        if setUser { data.append("user may not be set") }
        if setRole { data.append("role may not be set") }
        return PodSecurityViolation(
            checkID: "seLinuxOptions", reason: "seLinuxOptions",
            detail: setters.joined(separator: " and ") + " set forbidden securityContext.seLinuxOptions: "
                + data.joined(separator: "; "),
            nodes: nodes)
    }

    static let seccompPodAnnotation = "seccomp.security.alpha.kubernetes.io/pod"
    static let seccompContainerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/"

    /// Policy v1.0–v1.18: the seccomp annotations hold `runtime/default`, `docker/default` or `localhost/*`.
    static func seccompAnnotations(_ pod: PodSecurityPod, _: PodSecurityEnvironment) -> PodSecurityViolation? {
        let containerNames = Set(pod.containers.map(\.name))
        var forbidden: [String] = []
        var nodes: [YAMLNode] = []
        for pair in pod.annotationPairs {
            let applies = pair.name == seccompPodAnnotation
                || (pair.name.hasPrefix(seccompContainerAnnotationPrefix)
                    && containerNames.contains(String(pair.name.dropFirst(seccompContainerAnnotationPrefix.count))))
            let value = pair.text
            guard applies, !(value == "runtime/default" || value == "docker/default" || value.hasPrefix("localhost/"))
            else { continue }
            forbidden.append("\(pair.name)=\(GoQuote.quote(value))")
            nodes.append(pair.value)
        }
        guard !nodes.isEmpty else { return nil }
        let list = PodSecurityText.sortedSet(forbidden)
        return PodSecurityViolation(
            checkID: "seccompProfile_baseline", reason: "seccompProfile",
            detail: "forbidden " + PodSecurityText.pluralize("annotation", "annotations", list.count) + " "
                + list.joined(separator: ", "),
            nodes: nodes)
    }

    /// `seccompProfile.type` `RuntimeDefault` or `Localhost` where set; with `requireSet` (restricted), every
    /// container must have one, its own or the pod's.
    static func seccompFields(_ pod: PodSecurityPod, id: String, requireSet: Bool) -> PodSecurityViolation? {
        func badType(_ profile: YAMLNode?) -> (String, YAMLNode)? {
            guard let profile, profile.isMapping else { return nil }
            let type = profile["type"]?.text ?? ""
            return type == "RuntimeDefault" || type == "Localhost" ? nil : (type, profile["type"] ?? profile)
        }
        var setters: [String] = []
        var values: [String] = []
        var nodes: [YAMLNode] = []
        let podProfile = pod.securityContext?["seccompProfile"]
        if let (type, node) = badType(podProfile) {
            setters.append("pod")
            values.append(type)
            nodes.append(node)
        }
        let podSet = podProfile?.isMapping == true && setters.isEmpty
        var explicit: [String] = []
        var implicit: [PodSecurityPod.Container] = []
        for container in pod.containers {
            let profile = container.context("seccompProfile")
            if let (type, node) = badType(profile) {
                explicit.append(container.name)
                values.append(type)
                nodes.append(node)
            } else if profile?.isMapping != true, !podSet {
                implicit.append(container)
            }
        }
        if !explicit.isEmpty { setters.append(PodSecurityText.containers(explicit)) }
        if !setters.isEmpty {
            return PodSecurityViolation(
                checkID: id, reason: "seccompProfile",
                detail: setters.joined(separator: " and ") + " must not set securityContext.seccompProfile.type to "
                    + PodSecurityText.joinQuote(PodSecurityText.sortedSet(values)),
                nodes: nodes)
        }
        guard requireSet, !implicit.isEmpty else { return nil }
        return PodSecurityViolation(
            checkID: id, reason: "seccompProfile",
            detail: "pod or " + PodSecurityText.containers(implicit.map(\.name))
                + #" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost""#,
            nodes: implicit.map(\.anchor))
    }
}
