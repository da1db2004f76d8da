import KubeModel
import KubeYAML

/// Turns workloads into the pods their controllers would create (reference §5): Deployment → ReplicaSet →
/// pods, ReplicaSet (and v1 ReplicationController), StatefulSet ordinals, DaemonSet per eligible node, Job's
/// first parallel pods, bare Pods.
/// CronJobs make no pods; their next runs are computed instead.
///
/// Workloads are taken in (namespace, name, kind) order, not input order, so the plan does not depend on
/// the order of files on the command line.
package struct WorkloadExpander: Sendable {
    let nodes: [SchedulerNode]
    let referenceTime: Int64
    let priorities: PodPriority
    /// Service selectors, for the spread plugin's default selector: each filed under one of its labels.
    let serviceSelectors: ServiceSelectorIndex
    /// Pod names taken so far, by namespace (the namespace is hashed once per lookup, not joined to each name).
    var usedNames: [String: Set<String>] = [:]
    var termBase = 0
    static let termsPerList = 1024
    /// One pod more than all Nodes' `allocatable.pods` together (`Int.max` without Nodes), see `admittedCount`.
    let capacity: Int
    var limits = ExpansionLimits.default
    var result = ExpansionResult()
    /// The last pod's scheduling spec and ports, by workload (`termBase`) and labels: replicas with the same
    /// labels share them, so a Deployment's spec is resolved once, not once per replica.
    private var lastResolved: (termBase: Int, labels: [String: String], spec: SchedulingSpec, ports: [PodPort])?

    /// Expands every workload of the set.
    ///
    /// Workloads are taken in (namespace, name, kind) order, and a namespace's pods depend only on that
    /// namespace's workloads (names are unique per namespace; term ids follow the workload's position), so two
    /// runs of whole namespaces, one on another thread, give the very pods one run gives, concatenated. Only the
    /// plan-wide pod limit couples namespaces: when the two runs together hold more than it, the input is
    /// expanded again in one run.
    /// `parallel: false` expands in one run (the tests compare both).
    package static func expand(
        _ set: ManifestSet, nodes: [SchedulerNode], referenceTime: Int64, limits: ExpansionLimits = .default,
        parallel: Bool = true
    ) -> ExpansionResult {
        // The workloads in order on this thread, the Services' selectors and priority classes on another.
        let ((order, namespaces), (selectors, priorities)) = SideBySide.run({ workloadOrder(set) }) {
            var selectors = ServiceSelectorIndex()
            for service in set.services {
                guard let selector = service.spec.selector else { continue }
                selectors.insert(selector, namespace: service.metadata.namespace ?? "default")
            }
            return (selectors, PodPriority(set))
        }
        let base = WorkloadExpander(
            nodes: nodes, referenceTime: referenceTime, priorities: priorities, serviceSelectors: selectors,
            capacity: nodes.isEmpty ? Int.max : nodes.reduce(0) { $0 + max($1.allowedPods, 0) } + 1, limits: limits)
        var result: ExpansionResult
        if parallel, let split = namespaceSplit(namespaces) {
            let (first, second) = SideBySide.run({ base.run(set, order, 0..<split) }) {
                base.run(set, order, split..<order.count)
            }
            if first.pods.count + second.pods.count <= limits.maxPodsTotal {
                // Consumed, not copied: the first run's pods are moved into the result, never retained twice.
                result = consume first
                result.pods.reserveCapacity(result.pods.count + second.pods.count)
                result.pods += second.pods
                result.cronJobs += second.cronJobs
                result.diagnostics += second.diagnostics
            } else {
                result = base.run(set, order, 0..<order.count)
            }
        } else {
            result = base.run(set, order, 0..<order.count)
        }
        for index in result.pods.indices { result.pods[index].queueOrder = index }
        return result
    }

    /// The positions of the workloads in (namespace, name, kind) order, and their namespaces in that order.
    private static func workloadOrder(_ set: ManifestSet) -> (order: [Int], namespaces: [String]) {
        // Keys only for the workloads (not every Service and Node), sorted by slot.
        let positions = set.manifests.indices.filter {
            set.manifests[$0].object.isWorkload || set.manifests[$0].identity.kind == "ReplicationController"
        }
        let keys = positions.map {
            let identity = set.manifests[$0].identity
            return (identity.namespace ?? "", identity.name, identity.kind)
        }
        let slots = keys.indices.sorted(by: { keys[$0] < keys[$1] })
        return (slots.map { positions[$0] }, slots.map { keys[$0].0 })
    }

    /// The workloads of `slots` (positions in `order`), each with the term ids its position gives.
    private func run(_ set: ManifestSet, _ order: [Int], _ slots: Range<Int>) -> ExpansionResult {
        var expander = self
        expander.termBase = slots.lowerBound * 4 * Self.termsPerList
        for position in order[slots] {
            let manifest = set.manifests[position]
            if let workload = manifest.object.workload {
                expander.expand(manifest, workload)
            } else if let controller = manifest.replicationController {
                // Its pods are made as a ReplicaSet's are (`<name>-<5 chars>`, template labels only).
                expander.expand(manifest, .replicaSet(controller), ownerKind: "ReplicationController")
            }
        }
        return expander.result
    }

    /// Fewest workloads worth a second thread.
    static let parallelMinimum = 512

    /// Where to cut the sorted workloads in two runs of whole namespaces, as near the middle as a namespace
    /// boundary allows; nil when they are too few or all in one namespace.
    static func namespaceSplit(_ namespaces: [String]) -> Int? {
        guard namespaces.count >= parallelMinimum else { return nil }
        let middle = namespaces.count / 2
        var after = middle
        while after < namespaces.count, namespaces[after] == namespaces[after - 1] { after += 1 }
        var before = middle
        while before > 0, namespaces[before] == namespaces[before - 1] { before -= 1 }
        let candidates = [before, after].filter { $0 > 0 && $0 < namespaces.count }
        return candidates.min { abs($0 - middle) < abs($1 - middle) }
    }

    private mutating func expand(_ manifest: Manifest, _ workload: Workload, ownerKind: String? = nil) {
        let namespace = manifest.identity.namespace ?? "default"
        let name = manifest.identity.name
        let owner = OwnerReference(kind: ownerKind ?? workload.kind, name: name)
        termBase += 4 * Self.termsPerList
        let context = PodContext(
            namespace: namespace, owner: owner, object: manifest.identity.objectIdentity,
            source: manifest.node.range, termBase: termBase)
        switch workload {
        case .deployment(let deployment):
            let hash = PodNames.templateHash(deployment.spec.template.node)
            let replicaSet = "\(name)-\(hash)"
            var selector = deployment.spec.selector
            selector?.matchLabels["pod-template-hash"] = hash
            var labels = deployment.spec.template.labels
            labels["pod-template-hash"] = hash
            for index in 0..<admittedCount(deployment.spec.replicas, context) {
                addPod(
                    context, name: uniqueName(namespace, replicaSet, index), template: deployment.spec.template,
                    labels: labels, ownerSelector: selector)
            }
        case .replicaSet(let replicaSet):
            for index in 0..<admittedCount(replicaSet.spec.replicas, context) {
                addPod(
                    context, name: uniqueName(namespace, name, index), template: replicaSet.spec.template,
                    labels: replicaSet.spec.template.labels, ownerSelector: replicaSet.spec.selector)
            }
        case .statefulSet(let statefulSet):
            let revision = "\(name)-\(PodNames.templateHash(statefulSet.spec.template.node))"
            let count = admittedCount(statefulSet.spec.replicas, context)
            for (offset, podName) in statefulSet.spec.podNames(setName: name, limit: count).enumerated() {
                var labels = statefulSet.spec.template.labels
                labels["statefulset.kubernetes.io/pod-name"] = podName
                labels["apps.kubernetes.io/pod-index"] = String(statefulSet.spec.ordinalsStart + offset)
                labels["controller-revision-hash"] = revision
                let subdomain = statefulSet.spec.serviceName.isEmpty ? nil : statefulSet.spec.serviceName
                addPod(
                    context, name: podName, template: statefulSet.spec.template, labels: labels,
                    ownerSelector: statefulSet.spec.selector, hostname: podName, subdomain: subdomain)
            }
        case .daemonSet(let daemonSet):
            expandDaemonSet(daemonSet, context, name: name)
        case .job(let job):
            expandJob(job.spec, context, name: name)
        case .cronJob(let cronJob):
            result.cronJobs.append(CronPlanner.plan(cronJob, namespace: namespace, name: name, after: referenceTime))
        case .pod(let pod):
            guard admittedCount(1, context) == 1 else { return }
            usedNames[namespace, default: []].insert(name)
            addPod(
                context, name: name, template: pod.template, labels: pod.metadata.labels, ownerSelector: nil,
                bound: pod.spec.nodeName, owner: .some(nil))
        }
    }

    private mutating func expandJob(_ spec: JobSpec, _ context: PodContext, name: String) {
        let indexed = spec.completionMode == "Indexed"
        for index in 0..<admittedCount(spec.initialPodCount, context) {
            var labels = spec.template.labels
            labels["batch.kubernetes.io/job-name"] = name
            labels["job-name"] = name
            var hostname: String?
            var base = name
            if indexed {
                labels["batch.kubernetes.io/job-completion-index"] = String(index)
                hostname = "\(name)-\(index)"
                base = "\(name)-\(index)"
            }
            addPod(
                context, name: uniqueName(context.namespace, base, indexed ? 0 : index), template: spec.template,
                labels: labels, ownerSelector: nil, hostname: hostname)
        }
    }

    /// A name `<base>-<5 chars>` not used yet in the namespace.
    mutating func uniqueName(_ namespace: String, _ base: String, _ index: Int) -> String {
        var attempt = 0
        while true {
            let candidate = "\(base)-\(PodNames.suffix(base, index, attempt: attempt))"
            if usedNames[namespace, default: []].insert(candidate).inserted { return candidate }
            attempt += 1
        }
    }

    /// Where a workload's pods come from.
    struct PodContext {
        var namespace: String
        var owner: OwnerReference
        var object: ObjectIdentity
        var source: SourceRange
        /// The base of this workload's affinity term ids (see `AffinityTerm.id`).
        var termBase: Int = -1
    }

    mutating func addPod(
        _ context: PodContext, name: String, template: PodTemplateSpec, labels: [String: String],
        ownerSelector: LabelSelector?, hostname: String? = nil, subdomain: String? = nil,
        bound: String? = nil, owner: OwnerReference?? = .none, adjust: (inout SchedulingSpec) -> Void = { _ in }
    ) {
        let podSpec = template.spec
        var spec: SchedulingSpec
        let ports: [PodPort]
        if let last = lastResolved, context.termBase >= 0, last.termBase == context.termBase, last.labels == labels {
            (spec, ports) = (last.spec, last.ports)
        } else {
            let priority = priorities.resolve(podSpec)
            var resolved = SchedulingSpec(
                podSpec: podSpec, labels: labels, namespace: context.namespace,
                priority: priority.priority, preemptionPolicy: priority.preemptionPolicy)
            resolved.defaultSpreadSelector = defaultSelector(context.namespace, labels, ownerSelector)
            Self.assignTermIDs(&resolved, podSpec: podSpec, base: context.termBase)
            spec = resolved
            ports = (podSpec.containers + podSpec.initContainers.filter { $0.restartPolicy == "Always" })
                .flatMap(\.ports)
                .map {
                    PodPort(
                        name: $0.name, containerPort: $0.containerPort,
                        proto: PortProtocol(rawValue: $0.protocol.rawValue) ?? .tcp)
                }
            lastResolved = (context.termBase, labels, spec, ports)
        }
        // After the shared part: `adjust` only sets node terms and tolerations, which term ids do not read.
        adjust(&spec)
        result.pods.append(
            PlannedPod(
                namespace: context.namespace, name: name, owner: owner ?? context.owner, object: context.object,
                source: context.source, hostname: hostname ?? podSpec.hostname,
                subdomain: subdomain ?? podSpec.subdomain,
                hostNetwork: podSpec.hostNetwork, ports: ports, boundNode: bound, spec: spec))
    }

    /// `helper.DefaultSelector`: the selectors of Services in the namespace that select the pod, ANDed with
    /// the owning ReplicaSet's or StatefulSet's selector; nil when there is none.
    private func defaultSelector(
        _ namespace: String, _ labels: [String: String], _ owner: LabelSelector?
    )
        -> LabelSelector?
    {
        var selector = LabelSelector()
        // Every selecting Service agrees with the pod's labels, so the order they are merged in is irrelevant.
        serviceSelectors.forEachSelecting(labels, in: namespace) { service in
            for (key, value) in service { selector.matchLabels[key] = value }
        }
        if let owner {
            for (key, value) in owner.matchLabels {
                if let existing = selector.matchLabels[key], existing != value {
                    selector.matchExpressions.append(LabelSelectorRequirement(key: key, operator: .in, values: [value]))
                } else {
                    selector.matchLabels[key] = value
                }
            }
            selector.matchExpressions += owner.matchExpressions
        }
        return selector.isEmpty ? nil : selector
    }

    /// Gives each term a workload-wide id, unless its selector depends on the pod's own labels
    /// (`matchLabelKeys`/`mismatchLabelKeys`), when replicas' terms may differ.
    static func assignTermIDs(_ spec: inout SchedulingSpec, podSpec: PodSpec, base: Int) {
        let affinity = podSpec.affinity
        let perPod = (affinity?.podAffinity.map { $0.required + $0.preferred.map(\.podAffinityTerm) } ?? [])
            + (affinity?.podAntiAffinity.map { $0.required + $0.preferred.map(\.podAffinityTerm) } ?? [])
        if perPod.contains(where: { !$0.matchLabelKeys.isEmpty || !$0.mismatchLabelKeys.isEmpty }) { return }
        func assign(_ terms: inout [AffinityTerm], _ list: Int) {
            for index in terms.indices where index < termsPerList { terms[index].id = base + list * termsPerList + index }
        }
        assign(&spec.requiredAffinity, 0)
        assign(&spec.requiredAntiAffinity, 1)
        assign(&spec.preferredAffinity, 2)
        assign(&spec.preferredAntiAffinity, 3)
    }
}

extension KubeObject {
    /// Whether `workload` is non-nil, without copying the object out to say so.
    fileprivate var isWorkload: Bool {
        switch self {
        case .deployment, .replicaSet, .statefulSet, .daemonSet, .job, .cronJob, .pod: true
        default: false
        }
    }
}
