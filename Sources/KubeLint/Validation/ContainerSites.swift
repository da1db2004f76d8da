import KubeYAML

/// The container mappings of a pod spec, found in the YAML: `initContainers`, `containers`,
/// `ephemeralContainers`, in that order.
enum ContainerSites {
    static let lists = ["initContainers", "containers", "ephemeralContainers"]

    /// Every container mapping of a pod spec with the list it is in.
    static func containers(_ podSpec: YAMLNode) -> [(list: String, node: YAMLNode)] {
        var result: [(String, YAMLNode)] = []
        for list in lists {
            for item in podSpec[list]?.sequenceItems ?? [] where item.isMapping { result.append((list, item)) }
        }
        return result
    }

    /// The key node of a field when present, else the mapping's first key (a place to point at).
    static func anchor(_ mapping: YAMLNode, _ key: String) -> YAMLNode {
        mapping.pair(forKey: key)?.key ?? mapping.pairs.first?.key ?? mapping
    }
}
