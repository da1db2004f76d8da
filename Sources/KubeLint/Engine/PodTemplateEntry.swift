import KubeModel
import KubeYAML

/// One workload's pod template, with the labels its pods will carry and its YAML nodes found once.
///
/// A class: rules iterate thousands of these, and a struct copy would retain every field of the workload.
package final class PodTemplateEntry: Sendable {
    /// Whether a key is a label that differs per pod (StatefulSet ordinals, matched against every pod name): two
    /// comparisons instead of a hash, as every selector key passes here.
    @inline(__always)
    static func isPerPod(_ key: String) -> Bool {
        key == "statefulset.kubernetes.io/pod-name" || key == "apps.kubernetes.io/pod-index"
    }

    package let ref: ObjectRef
    package let workload: Workload
    package let template: PodTemplateSpec
    /// The workload's selector (nil for Pods, CronJobs and Jobs without one).
    package let selector: LabelSelector?
    package let namespace: String
    /// Template labels, plus what the controller adds that is known up front (a Job's `job-name`).
    package let labels: [String: String]
    /// The pod spec node (for positions), or the object root when there is none.
    package let specNode: YAMLNode
    /// The pod spec's common fields, found once.
    let podSpec: PodSpecNodes
    /// Every container mapping of the pod spec (init, regular, ephemeral), with its list name.
    let containerNodes: [ContainerNodes]
    /// True for pods of a kind or version the model leaves generic (ReplicationController, extensions/v1beta1):
    /// used for references, skipped by the apps/v1 parity rules.
    package let isLegacy: Bool
    /// The template's `metadata.labels` and `metadata.annotations` nodes, for the label and annotation rules; nil
    /// for Pods (their metadata is the object's own) and for workloads without a template node.
    let templateLabelsNode: YAMLNode?
    let templateAnnotationsNode: YAMLNode?
    /// For StatefulSets: the pod names, for selectors on per-pod labels.
    let podNames: [String]
    let firstOrdinal: Int

    init(ref: ObjectRef, workload: Workload, isLegacy: Bool) {
        self.ref = ref
        self.workload = workload
        self.isLegacy = isLegacy
        let template = workload.template
        self.template = template
        selector = workload.selector
        namespace = ref.namespace
        specNode = template.spec.node ?? ref.node
        containerNodes = template.spec.node.map(ContainerSites.containers) ?? []
        podSpec = PodSpecNodes(template.spec.node)
        if template.node != nil, workload.kind != "Pod" {
            templateLabelsNode = template.metadata.node?["labels"]
            templateAnnotationsNode = template.metadata.node?["annotations"]
        } else {
            templateLabelsNode = nil
            templateAnnotationsNode = nil
        }
        var labels = template.labels
        var podNames: [String] = []
        var firstOrdinal = 0
        switch workload {
        case .job(let job) where !job.spec.manualSelector:
            labels["job-name"] = job.metadata.name
            labels["batch.kubernetes.io/job-name"] = job.metadata.name
        case .statefulSet(let set):
            podNames = set.spec.podNames(setName: set.metadata.name)
            firstOrdinal = set.spec.ordinalsStart
        case .pod(let pod):
            labels = pod.metadata.labels
        default:
            break
        }
        self.labels = labels
        self.podNames = podNames
        self.firstOrdinal = firstOrdinal
    }

    /// Whether the pods carry every label of a map.
    package func matches(labels required: [String: String]) -> Bool {
        var usesPerPod = false
        for (key, value) in required {
            if Self.isPerPod(key) {
                usesPerPod = true
            } else if labels[key] != value {
                return false
            }
        }
        return usesPerPod ? matches(LabelSelector(matchLabels: required)) : true
    }

    /// Whether some pod of the template is selected (per-pod labels checked pod by pod).
    package func matches(_ selector: LabelSelector) -> Bool {
        let usesPerPod = selector.matchLabels.keys.contains(where: Self.isPerPod)
            || selector.matchExpressions.contains { Self.isPerPod($0.key) }
        guard usesPerPod, !podNames.isEmpty else { return selector.matches(labels) }
        for (offset, name) in podNames.enumerated() {
            var podLabels = labels
            podLabels["statefulset.kubernetes.io/pod-name"] = name
            podLabels["apps.kubernetes.io/pod-index"] = String(firstOrdinal + offset)
            if selector.matches(podLabels) { return true }
        }
        return false
    }
}
