import KubeModel
import KubeYAML

/// What the reliability rules ask of a workload: does it run forever, how many pods it asks for, which
/// HorizontalPodAutoscaler scales it, and where to point at it.
enum WorkloadFacts {
    /// Whether the pods are meant to keep running (not Jobs or CronJobs, not Pods that do not restart).
    static func isLongRunning(_ entry: PodTemplateEntry) -> Bool {
        switch entry.kind {
        case .job, .cronJob: false
        case .pod: entry.template.spec.restartPolicy == "Always"
        default: true
        }
    }

    /// The replica count of a Deployment, ReplicaSet or StatefulSet (the API default 1 when omitted), nil for
    /// other kinds.
    /// Read from the node: copying the typed workload out of the manifest retains every field of it.
    static func replicas(_ entry: PodTemplateEntry) -> Int? {
        switch entry.kind {
        case .deployment, .replicaSet, .statefulSet:
            guard let node = entry.ref.spec?["replicas"] else { return 1 }
            return node.scalarType == .int ? node.text.flatMap { Int($0) } : nil
        default: return nil
        }
    }

    /// The node to point at for a finding about a whole workload: its `spec.replicas` when given, else its name.
    static func replicasAnchor(_ ref: ObjectRef) -> YAMLNode? {
        ref.spec?.pair(forKey: "replicas")?.value ?? ref.nameNode
    }

    /// The key of a scaled object, as an HPA's `scaleTargetRef` names it.
    static func targetKey(namespace: String, kind: String, name: String) -> String {
        namespace + "\u{0}" + kind + "\u{0}" + name
    }

    /// The smallest `minReplicas` of the HorizontalPodAutoscalers of the whole input, by target key.
    static func autoscalerMinimums(_ context: LintContext) -> [String: Int] {
        var minimums: [String: Int] = [:]
        for position in context.manifestSet.index.byKind["HorizontalPodAutoscaler"] ?? [] {
            let object = context.object(at: position)
            guard case .horizontalPodAutoscaler(let hpa) = object.kubeObject else { continue }
            let key = targetKey(namespace: object.namespace, kind: hpa.scaleTargetRef.kind, name: hpa.scaleTargetRef.name)
            minimums[key] = min(minimums[key] ?? Int.max, hpa.minReplicas)
        }
        return minimums
    }

    /// The key of a workload for `autoscalerMinimums`.
    static func key(of entry: PodTemplateEntry) -> String {
        targetKey(namespace: entry.namespace, kind: entry.ref.kind, name: entry.ref.name)
    }

    /// The first key of a container mapping (its `- name:`), where container findings point.
    static func anchor(_ container: Container) -> YAMLNode? {
        guard let node = container.node else { return nil }
        return node.pairs.first?.key ?? node
    }

    /// Reports, at its first key, each container of a long-running pod template for which `lacks` holds: the
    /// shared body of the probe-missing rules, which differ only in the probe they ask for.
    static func reportContainers(
        _ context: LintContext, into sink: inout FindingSink, lacking lacks: (Container) -> Bool,
        _ message: (String) -> String, hint: String
    ) {
        for entry in context.pods where isLongRunning(entry.entry) {
            for container in entry.template.spec.containers where lacks(container) {
                sink.report(entry.ref, at: anchor(container), message(FieldValue.quote(container.name)), hint: hint)
            }
        }
    }

    /// The positions in the input of the workloads a selector of each object of `kind` selects (PDBs,
    /// NetworkPolicies): one indexed lookup per object, never every object against every workload.
    static func selectedWorkloads(
        by kind: String, in context: LintContext, selector: (KubeObject) -> LabelSelector?
    ) -> Set<Int> {
        var covered = Set<Int>()
        for position in context.manifestSet.index.byKind[kind] ?? [] {
            let object = context.object(at: position)
            guard let chosen = selector(object.kubeObject) else { continue }
            for entry in context.pods(in: object.namespace, matching: chosen) { covered.insert(entry.ref.index) }
        }
        return covered
    }
}
