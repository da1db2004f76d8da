import KubeYAML

/// The container mappings of a pod spec, found in the YAML: `initContainers`, `containers`,
/// `ephemeralContainers`, in that order.
enum ContainerSites {
    static let lists = ["initContainers", "containers", "ephemeralContainers"]

    /// Every container mapping of a pod spec with the list it is in and its fields found in one pass.
    static func containers(_ podSpec: YAMLNode) -> [ContainerNodes] {
        var found: [YAMLNode?] = [nil, nil, nil]
        for (key, value) in podSpec.pairs {
            if let slot = slot(of: key, in: lists) { found[slot] = value }
        }
        var result: [ContainerNodes] = []
        for (slot, list) in found.enumerated() {
            guard let list, list.isSequence else { continue }
            for item in list.items where item.isMapping { result.append(ContainerNodes(lists[slot], item)) }
        }
        return result
    }

    /// The position in `keys` of a key node's text, compared in place (no String made for every key).
    @inline(__always)
    static func slot(of key: YAMLNode, in keys: [String]) -> Int? {
        guard key.isScalar else { return nil }
        for index in keys.indices where key.textEquals(keys[index]) { return index }
        return nil
    }

    /// The key node of a field when present, else the mapping's first key (a place to point at).
    static func anchor(_ mapping: YAMLNode, _ key: String) -> YAMLNode {
        mapping.pair(forKey: key)?.key ?? mapping.pairs.first?.key ?? mapping
    }
}

/// A container mapping with the fields rules read, looked up once when the index is built (a dozen rules read
/// each container; repeated key scans were the lint stage's largest cost).
struct ContainerNodes: Sendable {
    /// `containers`, `initContainers` or `ephemeralContainers`.
    let list: String
    let node: YAMLNode
    private(set) var fields: [YAMLNode?] = Array(repeating: nil, count: ContainerNodes.keys.count)

    static let keys = ["name", "image", "ports", "env", "envFrom", "resources", "volumeMounts", "securityContext",
                       "livenessProbe", "readinessProbe", "startupProbe"]

    init(_ list: String, _ node: YAMLNode) {
        self.list = list
        self.node = node
        for (key, value) in node.pairs {
            if let slot = ContainerSites.slot(of: key, in: Self.keys) { fields[slot] = value }
        }
    }

    /// The value of a field (cached for the common ones).
    subscript(key: String) -> YAMLNode? {
        if let slot = Self.keys.firstIndex(of: key) { return fields[slot] }
        return node[key]
    }

    /// The mapping's pairs.
    var pairs: YAMLPairs { node.pairs }
}

/// A pod spec mapping with the fields rules read, found in one pass when the index is built.
struct PodSpecNodes: Sendable {
    let node: YAMLNode?
    private(set) var fields: [YAMLNode?] = Array(repeating: nil, count: PodSpecNodes.keys.count)

    static let keys = ["affinity", "topologySpreadConstraints", "tolerations", "volumes", "nodeSelector", "hostNetwork",
                       "hostPID", "hostIPC", "securityContext", "serviceAccountName", "serviceAccount", "imagePullSecrets"]

    init(_ node: YAMLNode?) {
        self.node = node
        guard let node else { return }
        for (key, value) in node.pairs {
            if let slot = ContainerSites.slot(of: key, in: Self.keys) { fields[slot] = value }
        }
    }

    /// The value of a field (cached for the common ones).
    subscript(key: String) -> YAMLNode? {
        if let slot = Self.keys.firstIndex(of: key) { return fields[slot] }
        return node?[key]
    }
}
