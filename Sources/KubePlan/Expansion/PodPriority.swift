import KubeModel

/// Resolves `priorityClassName` the way the Priority admission plugin does: `spec.priority` when set, the
/// built-in `system-node-critical` / `system-cluster-critical` classes, PriorityClass objects of the input,
/// and the `globalDefault` class for pods that name none.
struct PodPriority {
    private var classes: [String: (value: Int, preemptionPolicy: String?)] = [
        "system-node-critical": (2_000_001_000, nil),
        "system-cluster-critical": (2_000_000_000, nil),
    ]
    private var globalDefault: (value: Int, preemptionPolicy: String?)?

    init(_ set: ManifestSet) {
        for manifest in set.manifests(ofKind: "PriorityClass") {
            guard let value = manifest.node["value"]?.int else { continue }
            let entry = (value: Int(value), preemptionPolicy: manifest.node["preemptionPolicy"]?.text)
            classes[manifest.identity.name] = entry
            if manifest.node["globalDefault"]?.bool == true { globalDefault = entry }
        }
    }

    /// The priority and preemption policy of a pod spec.
    func resolve(_ spec: PodSpec) -> (priority: Int, preemptionPolicy: String?) {
        let written = spec.node?["preemptionPolicy"]?.text
        if let priority = spec.priority { return (priority, written) }
        if let name = spec.priorityClassName, let entry = classes[name] { return (entry.value, written ?? entry.preemptionPolicy) }
        if spec.priorityClassName == nil, let globalDefault {
            return (globalDefault.value, written ?? globalDefault.preemptionPolicy)
        }
        return (0, written)
    }
}
