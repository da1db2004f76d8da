import KubeYAML

/// The container mappings of a pod spec, found in the YAML: `initContainers`, `containers`,
/// `ephemeralContainers`, in that order.
enum ContainerSites {
    static let lists = ["initContainers", "containers", "ephemeralContainers"]

    /// Every container mapping of a pod spec with the list it is in and its fields found in one pass.
    static func containers(_ podSpec: YAMLNode) -> [ContainerNodes] {
        var initContainers, containers, ephemeralContainers: YAMLNode?
        for (key, value) in podSpec.pairs where key.isScalar {
            switch key.record.count {
            case 10: if key.textEquals("containers") { containers = value }
            case 14: if key.textEquals("initContainers") { initContainers = value }
            case 19: if key.textEquals("ephemeralContainers") { ephemeralContainers = value }
            default: break
            }
        }
        var result: [ContainerNodes] = []
        func add(_ list: YAMLNode?, _ name: String) {
            guard let list, list.isSequence else { return }
            for item in list.items where item.isMapping { result.append(ContainerNodes(name, item)) }
        }
        add(initContainers, lists[0])
        add(containers, lists[1])
        add(ephemeralContainers, lists[2])
        return result
    }

    /// The key node of a field when present, else the mapping's first key (a place to point at).
    static func anchor(_ mapping: YAMLNode, _ key: String) -> YAMLNode {
        mapping.pair(forKey: key)?.key ?? mapping.pairs.first?.key ?? mapping
    }
}

/// A container mapping with the fields rules read, found in one pass per linter window (a dozen rules read each
/// container; repeated key scans were the lint stage's largest cost). Stored fields, so finding them allocates
/// nothing.
struct ContainerNodes: Sendable {
    /// `containers`, `initContainers` or `ephemeralContainers`.
    let list: String
    let node: YAMLNode
    private(set) var name, image, ports, env, envFrom, resources, volumeMounts, securityContext: YAMLNode?
    private(set) var livenessProbe, readinessProbe, startupProbe: YAMLNode?

    init(_ list: String, _ node: YAMLNode) {
        self.list = list
        self.node = node
        for (key, value) in node.pairs where key.isScalar {
            // The key's length picks the one or two names it can be, so most keys cost one comparison.
            switch key.record.count {
            case 3: if key.textEquals("env") { env = value }
            case 4: if key.textEquals("name") { name = value }
            case 5:
                if key.textEquals("image") { image = value } else if key.textEquals("ports") { ports = value }
            case 7: if key.textEquals("envFrom") { envFrom = value }
            case 9: if key.textEquals("resources") { resources = value }
            case 12:
                if key.textEquals("volumeMounts") {
                    volumeMounts = value
                } else if key.textEquals("startupProbe") {
                    startupProbe = value
                }
            case 13: if key.textEquals("livenessProbe") { livenessProbe = value }
            case 14: if key.textEquals("readinessProbe") { readinessProbe = value }
            case 15: if key.textEquals("securityContext") { securityContext = value }
            default: break
            }
        }
    }

    /// The value of a field: the stored one for the fields above, else a lookup.
    subscript(key: String) -> YAMLNode? {
        switch key {
        case "livenessProbe": livenessProbe
        case "readinessProbe": readinessProbe
        case "startupProbe": startupProbe
        default: node[key]
        }
    }

    /// The mapping's pairs.
    var pairs: YAMLPairs { node.pairs }
}

/// A pod spec mapping with the fields rules read, found in one pass per linter window.
struct PodSpecNodes: Sendable {
    let node: YAMLNode?
    private(set) var affinity, topologySpreadConstraints, tolerations, volumes, nodeSelector: YAMLNode?
    private(set) var hostNetwork, hostPID, hostIPC, securityContext: YAMLNode?
    private(set) var serviceAccountName, serviceAccount, imagePullSecrets: YAMLNode?

    init(_ node: YAMLNode?) {
        self.node = node
        guard let node else { return }
        for (key, value) in node.pairs where key.isScalar {
            switch key.record.count {
            case 7:
                if key.textEquals("volumes") {
                    volumes = value
                } else if key.textEquals("hostPID") {
                    hostPID = value
                } else if key.textEquals("hostIPC") {
                    hostIPC = value
                }
            case 8: if key.textEquals("affinity") { affinity = value }
            case 11:
                if key.textEquals("tolerations") {
                    tolerations = value
                } else if key.textEquals("hostNetwork") {
                    hostNetwork = value
                }
            case 12: if key.textEquals("nodeSelector") { nodeSelector = value }
            case 14: if key.textEquals("serviceAccount") { serviceAccount = value }
            case 15: if key.textEquals("securityContext") { securityContext = value }
            case 16: if key.textEquals("imagePullSecrets") { imagePullSecrets = value }
            case 18: if key.textEquals("serviceAccountName") { serviceAccountName = value }
            case 25: if key.textEquals("topologySpreadConstraints") { topologySpreadConstraints = value }
            default: break
            }
        }
    }

    /// The value of a field: the stored one for the fields above, else a lookup.
    subscript(key: String) -> YAMLNode? {
        switch key {
        case "hostNetwork": hostNetwork
        case "hostPID": hostPID
        case "hostIPC": hostIPC
        default: node?[key]
        }
    }
}
