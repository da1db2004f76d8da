import KubeYAML

/// The warnings the API server returns for an accepted pod or pod template (`pkg/api/pod/warnings.go`,
/// `pkg/api/node/util.go`), each with its text and the node it is about.
///
/// `prefix` is the template's field path with a trailing dot (`spec.template.`), empty for a Pod, as the server
/// prints paths from the object's root.
enum PodTemplateWarnings {
    /// One warning: where and what (`spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; …`).
    struct Warning {
        let node: YAMLNode
        let text: String
    }

    /// Node labels the server warns about, with its message for each.
    static let deprecatedNodeLabels: [String: String] = [
        "beta.kubernetes.io/arch": #"deprecated since v1.14; use "kubernetes.io/arch" instead"#,
        "beta.kubernetes.io/os": #"deprecated since v1.14; use "kubernetes.io/os" instead"#,
        "failure-domain.beta.kubernetes.io/region": #"deprecated since v1.17; use "topology.kubernetes.io/region" instead"#,
        "failure-domain.beta.kubernetes.io/zone": #"deprecated since v1.17; use "topology.kubernetes.io/zone" instead"#,
        "beta.kubernetes.io/instance-type": #"deprecated since v1.17; use "node.kubernetes.io/instance-type" instead"#,
        "app.kubernetes.io/created-by": "deprecated since v1.9",
        "scheduler.alpha.kubernetes.io/preferAvoidPods": "deprecated since v1.22; use Taints and Tolerations instead",
        "node-role.kubernetes.io/master": #"use "node-role.kubernetes.io/control-plane" instead"#,
    ]

    /// The message for a deprecated node label key, nil for others; most keys are ruled out without allocating.
    static func deprecatedNodeLabel(_ key: YAMLNode) -> (name: String, message: String)? {
        guard key.textHasPrefix("beta.kubernetes.io/") || key.textHasPrefix("failure-domain.beta.kubernetes.io/")
            || key.textHasPrefix("app.kubernetes.io/created-by") || key.textHasPrefix("scheduler.alpha.kubernetes.io/")
            || key.textHasPrefix("node-role.kubernetes.io/master"),
            let name = key.text, let message = deprecatedNodeLabels[name] else { return nil }
        return (name, message)
    }

    /// Annotations that no longer do anything.
    static let deprecatedAnnotations: [(key: String, message: String)] = [
        ("scheduler.alpha.kubernetes.io/critical-pod", #"non-functional in v1.16+; use the "priorityClassName" field instead"#),
        ("security.alpha.kubernetes.io/sysctls", #"non-functional in v1.11+; use the "sysctls" field instead"#),
        ("security.alpha.kubernetes.io/unsafe-sysctls", #"non-functional in v1.11+; use the "sysctls" field instead"#),
    ]

    /// Volume plugins that are deprecated or gone: the YAML key, the name in the path, the message.
    static let deprecatedVolumes: [(key: String, pathName: String, message: String)] = [
        ("photonPersistentDisk", "photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+"),
        ("gitRepo", "gitRepo", "deprecated in v1.11"),
        ("scaleIO", "scaleIO", "deprecated in v1.16, non-functional in v1.22+"),
        ("flocker", "flocker", "deprecated in v1.22, non-functional in v1.25+"),
        ("storageos", "storageOS", "deprecated in v1.22, non-functional in v1.25+"),
        ("quobyte", "quobyte", "deprecated in v1.22, non-functional in v1.25+"),
        ("glusterfs", "glusterfs", "deprecated in v1.25, non-functional in v1.26+"),
        ("cephfs", "cephfs", "deprecated in v1.28, non-functional in v1.31+"),
        ("rbd", "rbd", "deprecated in v1.28, non-functional in v1.31+"),
    ]

    /// Every warning for a pod spec and its metadata; `isTemplate` is false for Pods.
    ///
    /// Reads the pod spec's fields as the linter window found them (`PodSpecNodes`, `ContainerNodes`) rather than
    /// scanning the spec again.
    static func warnings(
        spec: PodSpecNodes, containers: [ContainerNodes], annotations: YAMLNode?, prefix: String, isTemplate: Bool
    ) -> [Warning] {
        guard let node = spec.node, node.isMapping else { return [] }
        var result: [Warning] = []
        var path: String { prefix + "spec" }
        // Deprecated node labels in node selectors, node affinity and spread constraints.
        if let selector = spec.nodeSelector {
            for pair in selector.pairs {
                guard let (name, message) = deprecatedNodeLabel(pair.key) else { continue }
                result.append(Warning(node: pair.key, text: "\(path).nodeSelector[\(name)]: \(message)"))
            }
        }
        if let nodeAffinity = spec.affinity?["nodeAffinity"] {
            let required = "\(path).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms"
            let terms = nodeAffinity["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"]
            for (index, term) in (terms?.sequenceItems ?? []).enumerated() {
                result += termWarnings(term, "\(required)[\(index)]")
            }
            let preferred = "\(path).affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution"
            for (index, item) in (nodeAffinity["preferredDuringSchedulingIgnoredDuringExecution"]?.sequenceItems ?? []).enumerated() {
                if let term = item["preference"] { result += termWarnings(term, "\(preferred)[\(index)].preference") }
            }
        }
        for (index, constraint) in (spec.topologySpreadConstraints?.sequenceItems ?? []).enumerated() {
            var at: String { "\(path).topologySpreadConstraints[\(index)]" }
            if let key = constraint["topologyKey"], let (name, message) = deprecatedNodeLabel(key) {
                result.append(Warning(node: key, text: "\(at).topologyKey: \(name) is \(message)"))
            }
            if constraint.isMapping, constraint["labelSelector"].map(\.isNull) ?? true {
                result.append(Warning(node: constraint["labelSelector"] ?? constraint,
                                      text: "\(at).labelSelector: a null labelSelector results in matching no pod"))
            }
        }
        result += annotationWarnings(spec, containers, annotations, prefix: prefix, isTemplate: isTemplate)
        for (index, volume) in (spec.volumes?.sequenceItems ?? []).enumerated() {
            for entry in deprecatedVolumes {
                guard let key = volume.pair(forKey: entry.key)?.key else { continue }
                result.append(Warning(node: key, text: "\(path).volumes[\(index)].\(entry.pathName): \(entry.message)"))
            }
        }
        result += PodSpecWarnings.warnings(spec, containers, prefix: prefix)
        return result
    }

    /// Deprecated node labels in one node selector term.
    private static func termWarnings(_ term: YAMLNode, _ at: String) -> [Warning] {
        (term["matchExpressions"]?.sequenceItems ?? []).enumerated().compactMap { index, expression in
            guard let key = expression["key"], let (name, message) = deprecatedNodeLabel(key) else { return nil }
            return Warning(node: key, text: "\(at).matchExpressions[\(index)].key: \(name) is \(message)")
        }
    }

    /// Deprecated annotations, and seccomp / AppArmor annotations without the field that replaced them.
    private static func annotationWarnings(
        _ spec: PodSpecNodes, _ containers: [ContainerNodes], _ annotations: YAMLNode?, prefix: String, isTemplate: Bool
    ) -> [Warning] {
        guard let annotations, annotations.isMapping else { return [] }
        // Most templates carry only unrelated annotations: look at the keys once, without allocating, first.
        let relevant = annotations.pairs.contains { pair in
            pair.key.textHasPrefix("scheduler.alpha.kubernetes.io/") || pair.key.textHasPrefix("security.alpha.kubernetes.io/")
                || pair.key.textHasPrefix("seccomp.security.alpha.kubernetes.io/")
                || pair.key.textHasPrefix("container.seccomp.security.alpha.kubernetes.io/")
                || pair.key.textHasPrefix("container.apparmor.security.beta.kubernetes.io/")
        }
        guard relevant else { return [] }
        let at = prefix + "metadata.annotations"
        var result: [Warning] = []
        func key(_ name: String) -> YAMLNode? { annotations.pair(forKey: name)?.key }
        for entry in deprecatedAnnotations {
            if let node = key(entry.key) { result.append(Warning(node: node, text: "\(at)[\(entry.key)]: \(entry.message)")) }
        }
        let podContext = spec.securityContext
        let seccomp = #"non-functional in v1.27+; use the "seccompProfile" field instead"#
        if podContext?["seccompProfile"] == nil, let node = key("seccomp.security.alpha.kubernetes.io/pod") {
            result.append(Warning(node: node, text: "\(at)[seccomp.security.alpha.kubernetes.io/pod]: \(seccomp)"))
        }
        let podAppArmor = podContext?["appArmorProfile"] != nil
        for container in containers {
            let name = container.name?.text ?? ""
            let context = container.securityContext
            let seccompKey = "container.seccomp.security.alpha.kubernetes.io/" + name
            if context?["seccompProfile"] == nil, let node = key(seccompKey) {
                result.append(Warning(node: node, text: "\(at)[\(seccompKey)]: \(seccomp)"))
            }
            let appArmorKey = "container.apparmor.security.beta.kubernetes.io/" + name
            if isTemplate, !podAppArmor, context?["appArmorProfile"] == nil, let node = key(appArmorKey) {
                result.append(Warning(
                    node: node, text: #"\#(at)[\#(appArmorKey)]: deprecated since v1.30; use the "appArmorProfile" field instead"#))
            }
        }
        return result
    }
}
