import KubeYAML

/// A pod (or pod template) as the Pod Security checks read it: its annotations, its spec and every container in
/// the plugin's visiting order (init containers, containers, ephemeral containers).
///
/// Read straight from the YAML so each violation can point at the field that causes it.
struct PodSecurityPod: Sendable {
    /// One container: its name (`""` when absent, as the plugin sees it) and mapping.
    struct Container: Sendable {
        let name: String
        let node: YAMLNode
        /// `securityContext`, when a mapping.
        let securityContext: YAMLNode?

        init(_ node: YAMLNode) {
            self.node = node
            name = node["name"]?.text ?? ""
            securityContext = node["securityContext"].flatMap { $0.isMapping ? $0 : nil }
        }

        /// A field of the container's security context.
        func context(_ key: String) -> YAMLNode? { securityContext?[key] }

        /// Where to point for a missing security-context field: the `securityContext` key, else the name.
        var anchor: YAMLNode {
            node.pair(forKey: "securityContext")?.key ?? node["name"] ?? node
        }
    }

    /// The pod's `metadata.annotations` mapping.
    let annotations: YAMLNode?
    /// The pod spec mapping (nil when the template has none).
    let spec: YAMLNode?
    /// `spec.securityContext`, when a mapping.
    let securityContext: YAMLNode?
    let containers: [Container]
    /// Where to point when nothing more precise exists (the spec, else the object).
    let fallback: YAMLNode

    init(annotations: YAMLNode?, spec: YAMLNode?, fallback: YAMLNode) {
        self.annotations = annotations.flatMap { $0.isMapping ? $0 : nil }
        self.spec = spec.flatMap { $0.isMapping ? $0 : nil }
        self.fallback = self.spec ?? fallback
        securityContext = self.spec?["securityContext"].flatMap { $0.isMapping ? $0 : nil }
        var containers: [Container] = []
        for list in ["initContainers", "containers", "ephemeralContainers"] {
            for item in self.spec?[list]?.sequenceItems ?? [] where item.isMapping { containers.append(Container(item)) }
        }
        self.containers = containers
    }

    /// `spec.os.name == "windows"`: the restricted checks that cannot apply on Windows skip such pods (v1.25+).
    var isWindows: Bool { spec?["os"]?["name"]?.text == "windows" }

    /// `spec.hostUsers: false`: a pod in a user namespace, which some checks relax from policy v1.35.
    var inUserNamespace: Bool { spec?["hostUsers"]?.bool == false }

    /// The annotations as (key node, key, value node, value) in file order.
    var annotationPairs: [(key: YAMLNode, name: String, value: YAMLNode, text: String)] {
        guard let annotations else { return [] }
        return annotations.pairs.compactMap { pair in
            guard let name = pair.key.text else { return nil }
            return (pair.key, name, pair.value, pair.value.text ?? "")
        }
    }
}

/// The plugin's message helpers (`policy/helpers.go`).
enum PodSecurityText {
    /// `"a", "b"`: items quoted and joined, without escaping (`joinQuote`).
    static func joinQuote(_ items: [String]) -> String {
        items.isEmpty ? "" : "\"" + items.joined(separator: "\", \"") + "\""
    }

    /// The singular for a count of one, else the plural (`pluralize`).
    static func pluralize(_ singular: String, _ plural: String, _ count: Int) -> String {
        count == 1 ? singular : plural
    }

    /// `container "a"` / `containers "a", "b"`.
    static func containers(_ names: [String]) -> String {
        pluralize("container", "containers", names.count) + " " + joinQuote(names)
    }

    /// Distinct values sorted as Go's `sets.String.List()` sorts them (byte order).
    static func sortedSet(_ values: [String]) -> [String] {
        Array(Set(values)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
