import KubeModel
import KubeYAML

/// Who reads a changed ConfigMap or Secret, and whether they will see the change.
///
/// Changing a ConfigMap or Secret restarts nothing. Pods that read it into environment variables keep the
/// old values until they restart; files of a mounted volume are updated in place by the kubelet (after its
/// sync delay), except mounts with `subPath`, which never update. For each changed ConfigMap or Secret the
/// diff names every workload in the new set that reads it (same namespace) and whose own pod template did
/// not change: env and subPath readers as warnings, volume readers as information.
enum ConfigConsumers {
    /// Rule id of these findings.
    static let rule = "diff-config-consumers"

    /// A ConfigMap or Secret as workloads name it.
    struct Reference: Hashable {
        var namespace: String
        var kind: String
        var name: String
    }

    /// How a workload reads one.
    enum Use: Int, Comparable {
        case volume
        case subPathVolume
        case environment

        static func < (lhs: Use, rhs: Use) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Every reference to a ConfigMap or Secret from the pod templates of a set, per reader and use.
    static func index(_ manifests: [Manifest]) -> [Reference: [ResourceIdentity: Use]] {
        var index: [Reference: [ResourceIdentity: Use]] = [:]
        for manifest in manifests {
            guard let namespace = manifest.identity.namespace, let pod = podSpec(manifest) else { continue }
            for (kind, name, use) in references(pod) {
                let key = Reference(namespace: namespace, kind: kind, name: name)
                index[key, default: [:]][manifest.identity] = max(index[key]?[manifest.identity] ?? use, use)
            }
        }
        return index
    }

    /// Findings for one modified object, given the readers index and the workloads that restart anyway.
    static func findings(
        for object: ObjectDiff, newRoot: YAMLNode?, index: [Reference: [ResourceIdentity: Use]],
        restarting: Set<StorageKey>
    ) -> [Diagnostic] {
        let identity = object.identity
        guard identity.group.isEmpty, identity.kind == "ConfigMap" || identity.kind == "Secret",
            let namespace = identity.namespace,
            object.fields.contains(where: {
                $0.path.hasPrefix(["data"]) || $0.path.hasPrefix(["binaryData"]) || $0.path.hasPrefix(["stringData"])
            }),
            let readers = index[Reference(namespace: namespace, kind: identity.kind, name: identity.name)]
        else { return [] }
        let range = (newRoot?["data"] ?? newRoot?["stringData"] ?? newRoot)?.range
        let hint = "restart it (kubectl rollout restart), or put a checksum of the data in its pod template annotations"
        return readers.filter { !restarting.contains($0.key.storageKey) }.sorted { $0.key < $1.key }.map {
            reader, use in
            let who = reader.objectIdentity.displayName
            switch use {
            case .environment:
                return Diagnostic(
                    rule: rule, severity: .warning,
                    message:
                        "\(who) reads this \(identity.kind) into environment variables: its running pods keep the old values, and this change restarts nothing",
                    range: range, object: identity.objectIdentity, path: "data", hint: hint)
            case .subPathVolume:
                return Diagnostic(
                    rule: rule, severity: .warning,
                    message:
                        "\(who) mounts this \(identity.kind) with subPath: those files never update in running pods",
                    range: range, object: identity.objectIdentity, path: "data", hint: hint)
            case .volume:
                return Diagnostic(
                    rule: rule, severity: .info,
                    message:
                        "\(who) mounts this \(identity.kind) as a volume: the kubelet updates the files in running pods after its sync delay; the application must re-read them",
                    range: range, object: identity.objectIdentity, path: "data")
            }
        }
    }

    /// The pod spec of a workload's template (or of a Pod), nil for other kinds.
    static func podSpec(_ manifest: Manifest) -> YAMLNode? {
        let root = manifest.node
        switch manifest.identity.kind {
        case "Pod": return root["spec"]
        case "CronJob": return root["spec"]?["jobTemplate"]?["spec"]?["template"]?["spec"]
        case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job":
            return root["spec"]?["template"]?["spec"]
        default: return nil
        }
    }

    private static func items(_ node: YAMLNode?) -> [YAMLNode] {
        guard let node else { return [] }
        return Array(node.items)
    }

    /// (kind, name, use) for every ConfigMap and Secret a pod spec reads.
    static func references(_ pod: YAMLNode) -> [(String, String, Use)] {
        var result: [(String, String, Use)] = []
        var subPathVolumes = Set<String>()
        let containers = items(pod["containers"]) + items(pod["initContainers"])
        for container in containers {
            for variable in items(container["env"]) {
                if let name = variable["valueFrom"]?["configMapKeyRef"]?["name"]?.text {
                    result.append(("ConfigMap", name, .environment))
                }
                if let name = variable["valueFrom"]?["secretKeyRef"]?["name"]?.text {
                    result.append(("Secret", name, .environment))
                }
            }
            for source in items(container["envFrom"]) {
                if let name = source["configMapRef"]?["name"]?.text { result.append(("ConfigMap", name, .environment)) }
                if let name = source["secretRef"]?["name"]?.text { result.append(("Secret", name, .environment)) }
            }
            for mount in items(container["volumeMounts"]) where mount["subPath"]?.text?.isEmpty == false {
                if let volume = mount["name"]?.text { subPathVolumes.insert(volume) }
            }
        }
        for volume in items(pod["volumes"]) {
            let use: Use = subPathVolumes.contains(volume["name"]?.text ?? "") ? .subPathVolume : .volume
            if let name = volume["configMap"]?["name"]?.text { result.append(("ConfigMap", name, use)) }
            if let name = volume["secret"]?["secretName"]?.text { result.append(("Secret", name, use)) }
            for source in items(volume["projected"]?["sources"]) {
                if let name = source["configMap"]?["name"]?.text { result.append(("ConfigMap", name, use)) }
                if let name = source["secret"]?["name"]?.text { result.append(("Secret", name, use)) }
            }
        }
        return result
    }
}
