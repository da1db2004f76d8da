import KubeYAML

/// The container mappings of a pod spec, found in the YAML: `initContainers`, `containers`,
/// `ephemeralContainers`, in that order.
enum ContainerSites {
    static let lists = ["initContainers", "containers", "ephemeralContainers"]

    /// Every container mapping of a pod spec with the list it is in and its fields found in one pass.
    static func containers(_ podSpec: YAMLNode) -> [ContainerNodes] {
        var result: [ContainerNodes] = []
        for list in lists {
            for item in podSpec[list]?.sequenceItems ?? [] where item.isMapping { result.append(ContainerNodes(list, item)) }
        }
        return result
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
            guard let text = key.text, let slot = Self.keys.firstIndex(of: text) else { continue }
            fields[slot] = value
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
            guard let text = key.text, let slot = Self.keys.firstIndex(of: text) else { continue }
            fields[slot] = value
        }
    }

    /// The value of a field (cached for the common ones).
    subscript(key: String) -> YAMLNode? {
        if let slot = Self.keys.firstIndex(of: key) { return fields[slot] }
        return node?[key]
    }
}
