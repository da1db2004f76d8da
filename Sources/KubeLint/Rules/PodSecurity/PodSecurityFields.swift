import KubeModel
import KubeYAML

/// Reading the security settings of a pod template from its YAML, as the pod-security rules need them.
///
/// The rules read the nodes (for positions) rather than the typed model, whose security contexts keep only the
/// fields the planner needs. Containers come from the view's `containerNodes` (read-only).
enum PodSecurity {
    /// The capabilities the Pod Security Standards' baseline level lets a container add.
    ///
    /// Docker's default set minus `NET_RAW`: adding one of these changes nothing on most runtimes.
    static let baselineCapabilities: Set<String> = [
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP",
        "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ]

    /// A capability as container runtimes read it: upper-cased, without a `CAP_` prefix (containerd and CRI-O add
    /// the prefix and upper-case the name).
    static func capability(_ text: String) -> String {
        let upper = text.uppercased()
        return upper.hasPrefix("CAP_") ? String(upper.dropFirst(4)) : upper
    }

    /// The items of `securityContext.capabilities.<list>` (`add` or `drop`) with their normalised names.
    static func capabilities(_ container: ContainerNodes, _ list: String) -> [(name: String, node: YAMLNode)] {
        guard let items = container.securityContext?["capabilities"]?[list], items.isSequence else { return [] }
        return items.items.compactMap { item in item.text.map { (capability($0), item) } }
    }

    /// Whether a container runs privileged: it has every capability whatever it drops (privileged-container
    /// reports it).
    static func isPrivileged(_ container: ContainerNodes) -> Bool {
        container.container.securityContext?.privileged == true
    }

    /// Whether the pod runs Windows containers.
    ///
    /// `spec.os.name: windows`, a `kubernetes.io/os: windows` node selector, or a HostProcess container.
    /// Linux-only settings (capabilities, seccomp, a read-only root filesystem) do not apply to it, and the API
    /// server refuses some of them when `os.name` is `windows`.
    static func isWindows(_ pod: PodView) -> Bool { pod.nodes.isWindows }

    /// `isWindows`, found once per pod template and window (`PodNodes`).
    static func isWindows(_ spec: PodSpecNodes, _ containers: [ContainerNodes]) -> Bool {
        if spec.node?["os"]?["name"]?.text == "windows" { return true }
        if spec.nodeSelector?["kubernetes.io/os"]?.text == "windows" { return true }
        if spec.securityContext?["windowsOptions"]?["hostProcess"]?.bool == true { return true }
        return containers.contains { $0.securityContext?["windowsOptions"]?["hostProcess"]?.bool == true }
    }

    /// The containers a rule about missing hardening checks: init and regular ones.
    ///
    /// Ephemeral containers are added by `kubectl debug` to running pods, not written in manifests.
    static func templateContainers(_ pod: PodView) -> [ContainerNodes] { pod.nodes.templateContainers }

    /// Where to point for a field a container lacks: the deepest of `securityContext` and the keys below it
    /// that exist, else the container's first key.
    static func anchor(_ container: ContainerNodes, _ path: [String] = []) -> YAMLNode {
        guard var key = container.key(.securityContext), var node = container.securityContext else {
            return container.node.pairs.first?.key ?? container.node
        }
        for field in path {
            guard let next = node.pair(forKey: field) else { break }
            (key, node) = (next.key, next.value)
        }
        return key
    }

    /// The quoted name of a container, for messages.
    static func name(_ container: ContainerNodes) -> String {
        FieldValue.quote(container.name?.text ?? "")
    }

    /// The template's annotations: the Pod's own, or the workload template's.
    static func annotations(_ pod: PodView) -> YAMLNode? {
        pod.kind == .pod ? pod.ref.annotations : pod.templateAnnotationsNode
    }
}

/// A `hostPath` volume of a pod template.
struct HostPathVolume {
    /// The volume's name.
    var name: String
    /// The path as written, and its node (for positions).
    var path: String
    var pathNode: YAMLNode
    /// The path with `.`, `..`, repeated and trailing slashes resolved, as the kubelet's mount would see it.
    var cleanPath: String

    /// Every `hostPath` volume of a pod template with a path.
    static func all(in pod: PodView) -> [HostPathVolume] {
        guard let volumes = pod.podSpec.volumes, volumes.isSequence else { return [] }
        return volumes.items.compactMap { volume in
            guard let node = volume["hostPath"]?["path"], let path = node.text, !path.isEmpty else { return nil }
            return HostPathVolume(
                name: volume["name"]?.text ?? "", path: path, pathNode: node, cleanPath: clean(path))
        }
    }

    /// `path.Clean` for absolute paths: `/var/log/../run//` → `/var/run`.
    static func clean(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
