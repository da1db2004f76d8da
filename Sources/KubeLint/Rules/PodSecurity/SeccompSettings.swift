import KubeModel
import KubeYAML

/// The seccomp and AppArmor settings of a pod template: the fields and the deprecated annotations.
///
/// The seccomp annotations are non-functional from Kubernetes 1.27 (the API server says so in a warning); the
/// AppArmor ones still work in the versions that have the field (1.30+), deprecated.
enum SeccompSettings {
    static let podAnnotation = "seccomp.security.alpha.kubernetes.io/pod"
    static let containerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/"
    static let appArmorAnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/"

    /// The pod's `securityContext.seccompProfile.type`.
    static func podType(_ pod: PodView) -> YAMLNode? {
        pod.podSpec.securityContext?["seccompProfile"]?["type"]
    }

    /// A container's `securityContext.seccompProfile.type`.
    static func containerType(_ container: ContainerNodes) -> YAMLNode? {
        container.securityContext?["seccompProfile"]?["type"]
    }

    /// The value of a template annotation.
    static func annotation(_ pod: PodView, _ key: String) -> YAMLNode? {
        PodSecurity.annotations(pod)?[key]
    }

    /// Whether the seccomp annotations still work in a cluster of this minor version.
    static func annotationsWork(_ minor: Int?) -> Bool { (minor ?? Int.max) < 27 }

    /// Whether a seccomp or AppArmor annotation value confines (`runtime/default`, `docker/default`,
    /// `localhost/…`).
    static func confines(_ value: YAMLNode?) -> Bool {
        guard let text = value?.text else { return false }
        return text == "runtime/default" || text == "docker/default" || text.hasPrefix("localhost/")
    }

    /// Whether a container of the pod is confined by seccomp: its own profile or the pod's (not Unconfined),
    /// or a working annotation.
    static func seccompConfines(_ pod: PodView, _ container: ContainerNodes, annotationsWork: Bool) -> Bool {
        if let own = containerType(container)?.text { return own != "Unconfined" }
        if let podLevel = podType(pod)?.text { return podLevel != "Unconfined" }
        guard annotationsWork else { return false }
        let name = container.name?.text ?? ""
        if let own = annotation(pod, containerAnnotationPrefix + name) { return confines(own) }
        return confines(annotation(pod, podAnnotation))
    }

    /// Whether AppArmor confines a container: its `appArmorProfile`, else the pod's, else its annotation, is set
    /// to something other than Unconfined.
    static func appArmorConfines(_ pod: PodView, _ container: ContainerNodes) -> Bool {
        if let own = container.securityContext?["appArmorProfile"]?["type"]?.text { return own != "Unconfined" }
        if let podLevel = pod.podSpec.securityContext?["appArmorProfile"]?["type"]?.text {
            return podLevel != "Unconfined"
        }
        let value = annotation(pod, appArmorAnnotationPrefix + (container.name?.text ?? ""))?.text
        return value == "runtime/default" || value?.hasPrefix("localhost/") == true
    }

    /// Where to point for a setting the whole pod lacks: the pod's `securityContext` key, else the spec's first key.
    static func podAnchor(_ pod: PodView) -> YAMLNode {
        guard let spec = pod.podSpec.node else { return pod.specNode }
        return pod.podSpec.key(.securityContext) ?? spec.pairs.first?.key ?? spec
    }
}
