import KubeModel
import KubeYAML

/// One workload's pod template, with the labels its pods will carry: what lookups across objects read.
///
/// A class: rules iterate thousands of these, and a struct copy would retain every field of the workload.
package final class PodTemplateEntry: Sendable {
    /// Whether a key is a label that differs per pod (StatefulSet ordinals, matched against every pod name): two
    /// comparisons instead of a hash, as every selector key passes here.
    @inline(__always)
    static func isPerPod(_ key: String) -> Bool {
        key == "statefulset.kubernetes.io/pod-name" || key == "apps.kubernetes.io/pod-index"
    }

    /// The workload kinds that make pods.
    package enum Kind: Sendable {
        case deployment, replicaSet, statefulSet, daemonSet, job, cronJob, pod
    }

    package let ref: ObjectRef
    package let kind: Kind
    /// The pod template (a copy kept here: rules read it many times, and lending it out of the manifest's enum
    /// copied it on every read).
    package let template: PodTemplateSpec
    /// The workload's selector (nil for Pods, CronJobs and Jobs without one).
    package let selector: LabelSelector?
    package let namespace: String
    /// Template labels, plus what the controller adds that is known up front (a Job's `job-name`).
    package let labels: [String: String]
    /// The pod spec node (for positions), or the object root when there is none.
    package let specNode: YAMLNode
    /// True for pods of a kind or version the model leaves generic (ReplicationController, extensions/v1beta1):
    /// used for references, skipped by the apps/v1 parity rules.
    package let isLegacy: Bool
    /// For StatefulSets: the pod names, for selectors on per-pod labels.
    let podNames: [String]
    let firstOrdinal: Int
    /// The workload decoded for a legacy kind (the manifest's own typed value is generic).
    private let legacy: Workload?

    /// The entry of a manifest's typed workload, nil for other kinds. Reads the fields it keeps from the manifest
    /// in place: copying the whole workload first would touch every field of it.
    convenience init?(ref: ObjectRef, manifest: Manifest) {
        let kind: Kind
        let template: PodTemplateSpec
        var selector: LabelSelector? = nil
        var extraLabels: [String: String] = [:]
        var podNames: [String] = []
        var firstOrdinal = 0
        switch manifest.object {
        case .deployment(let value): (kind, template, selector) = (.deployment, value.spec.template, value.spec.selector)
        case .replicaSet(let value): (kind, template, selector) = (.replicaSet, value.spec.template, value.spec.selector)
        case .daemonSet(let value): (kind, template, selector) = (.daemonSet, value.spec.template, value.spec.selector)
        case .statefulSet(let value):
            (kind, template, selector) = (.statefulSet, value.spec.template, value.spec.selector)
            podNames = value.spec.podNames(setName: value.metadata.name, limit: 150_000)  // ExpansionLimits.maxPodsPerWorkload
            firstOrdinal = value.spec.ordinalsStart
        case .job(let value):
            (kind, template, selector) = (.job, value.spec.template, value.spec.selector)
            if !value.spec.manualSelector {
                extraLabels = ["job-name": value.metadata.name, "batch.kubernetes.io/job-name": value.metadata.name]
            }
        case .cronJob(let value):
            (kind, template, selector) = (.cronJob, value.spec.jobTemplate.template, value.spec.jobTemplate.selector)
        case .pod(let value):
            (kind, template) = (.pod, value.template)
        default:
            return nil
        }
        self.init(ref: ref, kind: kind, template: template, selector: selector,
                  labels: template.labels.merging(extraLabels) { _, generated in generated }, podNames: podNames,
                  firstOrdinal: firstOrdinal, legacy: nil)
    }

    /// The entry of a workload of a legacy kind, decoded by the linter.
    convenience init(ref: ObjectRef, legacy workload: Workload) {
        let kind: Kind = switch workload {
        case .deployment: .deployment
        case .replicaSet: .replicaSet
        case .statefulSet: .statefulSet
        case .daemonSet: .daemonSet
        case .job: .job
        case .cronJob: .cronJob
        case .pod: .pod
        }
        self.init(ref: ref, kind: kind, template: workload.template, selector: workload.selector,
                  labels: workload.template.labels, podNames: [], firstOrdinal: 0, legacy: workload)
    }

    private init(
        ref: ObjectRef, kind: Kind, template: PodTemplateSpec, selector: LabelSelector?, labels: [String: String],
        podNames: [String], firstOrdinal: Int, legacy: Workload?
    ) {
        self.ref = ref
        self.kind = kind
        self.template = template
        self.selector = selector
        self.labels = labels
        self.podNames = podNames
        self.firstOrdinal = firstOrdinal
        self.legacy = legacy
        isLegacy = legacy != nil
        namespace = ref.namespace
        specNode = template.spec.node ?? ref.node
    }

    /// The whole typed workload, copied out of the manifest: for the few rules that read kind-specific fields
    /// (switch on `kind` for the rest).
    package var workload: Workload? {
        if let legacy { return legacy }
        switch ref.kubeObject {
        case .deployment(let value): return .deployment(value)
        case .replicaSet(let value): return .replicaSet(value)
        case .statefulSet(let value): return .statefulSet(value)
        case .daemonSet(let value): return .daemonSet(value)
        case .job(let value): return .job(value)
        case .cronJob(let value): return .cronJob(value)
        case .pod(let value): return .pod(value)
        default: return nil
        }
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
