import KubeModel
import KubePlan
import KubeYAML

/// Plans YAML text (several documents separated by `---`).
func plan(_ text: String, options: PlanOptions = PlanOptions()) -> PlanResult {
    Planner.plan(ManifestSet.decode(YAMLLoader.load(text: text, file: "test.yaml")), options: options)
}

/// A Node document: allocatable cpu/memory/pods, `kubernetes.io/hostname` plus `labels`, taints as
/// `key=value:Effect` (or `key:Effect`).
func node(_ name: String, cpu: String = "4", memory: String = "8Gi", pods: String = "110",
          labels: [String: String] = [:], taints: [String] = [], unschedulable: Bool = false, podCIDR: String? = nil) -> String {
    var allLabels = labels
    allLabels["kubernetes.io/hostname"] = name
    var text = "apiVersion: v1\nkind: Node\nmetadata:\n  name: \(name)\n  labels:\n"
    for (key, value) in allLabels.sorted(by: { $0.key < $1.key }) { text += "    \(key): \"\(value)\"\n" }
    text += "spec:\n  unschedulable: \(unschedulable)\n"
    if let podCIDR { text += "  podCIDR: \(podCIDR)\n" }
    if !taints.isEmpty {
        text += "  taints:\n"
        for taint in taints {
            let parts = taint.split(separator: ":")
            let keyValue = parts[0].split(separator: "=", omittingEmptySubsequences: false)
            text += "    - key: \(keyValue[0])\n"
            if keyValue.count > 1 { text += "      value: \"\(keyValue[1])\"\n" }
            text += "      effect: \(parts[1])\n"
        }
    }
    text += "status:\n  allocatable:\n    cpu: \"\(cpu)\"\n    memory: \(memory)\n    pods: \"\(pods)\"\n---\n"
    return text
}

/// A bare Pod with one container; `spec` is extra YAML for the pod spec, indented by 2 spaces.
func pod(_ name: String, namespace: String = "default", cpu: String? = nil, memory: String? = nil,
         labels: [String: String] = [:], spec: String = "") -> String {
    var text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \(name)\n  namespace: \(namespace)\n"
    if !labels.isEmpty {
        text += "  labels:\n"
        for (key, value) in labels.sorted(by: { $0.key < $1.key }) { text += "    \(key): \(value)\n" }
    }
    text += "spec:\n  containers:\n    - name: main\n      image: busybox:1.36\n"
    if cpu != nil || memory != nil {
        text += "      resources:\n        requests:\n"
        if let cpu { text += "          cpu: \(cpu)\n" }
        if let memory { text += "          memory: \(memory)\n" }
    }
    text += spec
    if !spec.isEmpty, !spec.hasSuffix("\n") { text += "\n" }
    return text + "---\n"
}

extension PlanResult {
    /// The node of a pod (`namespace/name`), nil when unschedulable or unknown.
    func node(of key: String) -> String? { plan.pods.first { $0.key == key }?.node }

    /// The message of a pod that could not be placed.
    func message(of key: String) -> String? { plan.pods.first { $0.key == key }?.message }

    /// Placed pods per node name.
    var podsPerNode: [String: Int] {
        var result: [String: Int] = [:]
        for pod in plan.pods { if let node = pod.node { result[node, default: 0] += 1 } }
        return result
    }
}
