import KubeYAML

/// The names (label and annotation keys, namespaces) a rule has already found valid, compared with a node's
/// bytes in place.
///
/// Real and generated manifests repeat the same few label keys (`app.kubernetes.io/name`, `tier`) and
/// namespaces on every object; a node byte-equal to one already validated is valid too, so the rule skips
/// making its String and validating it again. Validity depends only on the bytes, so findings are unchanged. Holds the most recent
/// `capacity` valid keys; a miss costs a length check per entry.
struct KnownValidNames {
    private var names: [String] = []
    private var next = 0
    private static let capacity = 16

    /// Whether a scalar node's text is one of the known valid names.
    func contains(_ key: YAMLNode) -> Bool {
        for name in names where key.textEquals(name) { return true }
        return false
    }

    /// Remembers a name found valid, replacing the oldest when full.
    mutating func insert(_ name: String) {
        if names.count < Self.capacity {
            names.append(name)
        } else {
            names[next] = name
            next = (next + 1) % Self.capacity
        }
    }
}
