import Dispatch
import KubeModel
import KubeYAML

/// Everything rules read, indexed once per run: objects by kind, by kind/namespace/name, the pod templates of
/// every workload by namespace and by label, and the labels of every namespace.
///
/// Cross-resource rules are namespace-aware and independent of files: an object's place in the input never
/// matters, only its identity. Built in one pass over the manifests; lookups are dictionary hits or scans of
/// one namespace's pods, never of the whole input.
package struct LintContext: Sendable {
    package let manifestSet: ManifestSet
    /// The manifests, shared by every `ObjectRef`.
    let storage: ManifestStorage
    /// One reference per manifest, in input order.
    let objectStore: [ObjectRef]
    /// Every workload's pod template (Deployments, StatefulSets, DaemonSets, ReplicaSets, Jobs, CronJobs, Pods),
    /// in the input order of their objects.
    let templateStore: [PodTemplateEntry]
    /// For each manifest position, the position in `templateStore` of the first template of that manifest or a
    /// later one (one more entry than manifests), so a window of manifests maps to a range of templates.
    let templateStart: [Int]
    /// The manifests a per-object rule iterates (`allObjects`, `podTemplates`, `objects(ofKind:)`): the whole
    /// input, or one window of it when the linter runs per-object rules window by window. Lookups
    /// (`object(kind:…)`, `pods(in:…)`) always see the whole input.
    package private(set) var window: Range<Int>
    /// The nodes of the window's pod templates, found when the window was made (empty when not windowed).
    private var windowNodes: [PodNodes] = []
    /// Positions in `templateStore` by namespace and by (namespace, label key, value): where every
    /// selector-vs-pods question starts.
    let podIndex: LabelIndex
    /// The labels of every namespace in the input (with `kubernetes.io/metadata.name`), and of every namespace
    /// objects are placed in even when it has no Namespace object.
    package let namespaceLabels: [String: [String: String]]
    /// Names of the namespaces that have a Namespace object.
    package let declaredNamespaces: Set<String>
    /// The names of `namespaceLabels`, sorted, and their labels indexed (all under the namespace ""), for
    /// namespace selectors.
    let namespaceNames: [String]
    let namespaceIndex: LabelIndex

    /// Indexes a set; with `parallel`, the per-object work (nodes found, pod templates typed) runs on both cores.
    package init(_ set: ManifestSet, parallel: Bool = false) {
        self.manifestSet = set
        let storage = ManifestStorage(set.manifests)
        self.storage = storage
        let objects = Self.build(set.manifests.count, parallel: parallel) { ObjectRef(index: $0, storage: storage) }
        objectStore = objects
        window = 0..<objects.count
        var templates: [PodTemplateEntry] = []
        var index = LabelIndex()
        var namespaces: [String: [String: String]] = [:]
        var declared = Set<String>()
        let byKind = set.index.byKind
        for index in byKind["Namespace"] ?? [] {
            guard case .namespace(let namespace) = set.manifests[index].object else { continue }
            namespaces[namespace.metadata.name] = namespace.effectiveLabels
            declared.insert(namespace.metadata.name)
        }
        // In input order, where neighbours share a namespace: one comparison with the last namespace seen per
        // object instead of a hash and a lookup per object.
        var lastNamespace: String? = nil
        for index in set.manifests.indices {
            guard let namespace = set.manifests[index].identity.namespace, namespace != lastNamespace else { continue }
            lastNamespace = namespace
            if namespaces[namespace] == nil { namespaces[namespace] = ["kubernetes.io/metadata.name": namespace] }
        }
        let podKinds = ["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod", "ReplicationController"]
        let positions = podKinds.flatMap { byKind[$0] ?? [] }.sorted()
        let entries = Self.build(positions.count, parallel: parallel) { slot -> PodTemplateEntry? in
            let index = positions[slot]
            // Only generic manifests can be legacy workloads: asked first, so no other manifest is copied.
            if set.manifests[index].object.isGeneric, let legacy = Self.legacyWorkload(set.manifests[index]) {
                return PodTemplateEntry(ref: objects[index], legacy: legacy)
            }
            return PodTemplateEntry(ref: objects[index], manifest: set.manifests[index])
        }
        templates.reserveCapacity(entries.count)
        index.reserveCapacity(objects: entries.count, labels: entries.reduce(0) { $0 + ($1?.labels.count ?? 0) })
        // The manifest position of each template, kept as it is appended: `starts` is then made from integers.
        var owners: [Int] = []
        owners.reserveCapacity(entries.count)
        for slot in entries.indices {
            guard let entry = entries[slot] else { continue }
            index.insert(templates.count, namespace: entry.namespace, labels: entry.labels)
            templates.append(entry)
            owners.append(positions[slot])
        }
        templateStore = templates
        var starts = Array(repeating: templates.count, count: objects.count + 1)
        for position in owners.indices.reversed() { starts[owners[position]] = position }
        for index in stride(from: objects.count - 1, through: 0, by: -1) { starts[index] = min(starts[index], starts[index + 1]) }
        templateStart = starts
        podIndex = index
        namespaceLabels = namespaces
        declaredNamespaces = declared
        namespaceNames = namespaces.keys.sorted()
        var namespaceIndex = LabelIndex()
        for (position, name) in namespaceNames.enumerated() {
            namespaceIndex.insert(position, namespace: "", labels: namespaces[name] ?? [:])
        }
        self.namespaceIndex = namespaceIndex
    }

    /// `(0..<count).map(make)`, in chunks on both cores when `parallel` and the input is large enough to pay for it.
    static func build<T: Sendable>(_ count: Int, parallel: Bool, _ make: @Sendable (Int) -> T) -> [T] {
        let chunks = 8
        guard parallel, count >= 2048 else { return (0..<count).map(make) }
        let slots = ResultSlots<[T]>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            slots.store((chunk * count / chunks..<(chunk + 1) * count / chunks).map(make), at: chunk)
        }
        var result: [T] = []
        result.reserveCapacity(count)
        for part in slots.values() { result += part }
        return result
    }

    /// The pods of kinds the model leaves generic but that still make pods: ReplicationControllers, and
    /// Deployments, DaemonSets, ReplicaSets and StatefulSets of the removed `extensions` / `apps/v1beta*`
    /// groups. Without them, Services of older manifests would look like they select nothing.
    static func legacyWorkload(_ manifest: Manifest) -> Workload? {
        guard manifest.object.isGeneric, manifest.node.isMapping else { return nil }
        let node = manifest.node
        var context = DecodeContext(root: node, object: manifest.identity.objectIdentity)
        context.effectiveNamespace = manifest.identity.namespace
        func defaulted(_ selector: LabelSelector?, _ template: PodTemplateSpec) -> LabelSelector {
            if let selector, !selector.isEmpty { return selector }
            return LabelSelector(matchLabels: template.labels)
        }
        if let controller = manifest.replicationController { return .replicaSet(controller) }
        switch manifest.identity.kind {
        case "ReplicaSet":
            var set = ReplicaSet(decoding: node, in: &context)
            set.spec.selector = defaulted(set.spec.selector, set.spec.template)
            return .replicaSet(set)
        case "Deployment":
            var deployment = Deployment(decoding: node, in: &context)
            deployment.spec.selector = defaulted(deployment.spec.selector, deployment.spec.template)
            return .deployment(deployment)
        case "DaemonSet":
            var set = DaemonSet(decoding: node, in: &context)
            set.spec.selector = defaulted(set.spec.selector, set.spec.template)
            return .daemonSet(set)
        case "StatefulSet":
            var set = StatefulSet(decoding: node, in: &context)
            set.spec.selector = defaulted(set.spec.selector, set.spec.template)
            return .statefulSet(set)
        default:
            return nil
        }
    }

    /// Every manifest of the input.
    package var manifests: [Manifest] { manifestSet.manifests }

    /// The same context iterating only the manifests at `positions` (clamped to the input), with the YAML nodes
    /// of their pod templates found.
    package func windowed(to positions: Range<Int>) -> LintContext {
        var copy = self
        copy.window = positions.clamped(to: 0..<objectStore.count)
        copy.windowNodes = copy.podTemplates.map(PodNodes.init)
        return copy
    }

    /// The window's pod templates with their nodes, as per-object rules iterate them.
    package var pods: PodViews { PodViews(entries: podTemplates, nodes: windowNodes) }

    /// The objects of the window (the whole input unless windowed), in input order.
    package var allObjects: ArraySlice<ObjectRef> { objectStore[window] }

    /// The pod templates of the window's objects, in input order.
    package var podTemplates: ArraySlice<PodTemplateEntry> {
        templateStore[templateStart[window.lowerBound]..<templateStart[window.upperBound]]
    }

    /// The object at a manifest position, whatever the window.
    package func object(at position: Int) -> ObjectRef { objectStore[position] }

    /// The window's objects of one kind, in input order.
    /// A view of the positions: no array of references is built for each window and rule.
    package func objects(ofKind kind: String) -> ObjectRefs {
        let positions = manifestSet.index.byKind[kind] ?? []
        if window.count == objectStore.count { return ObjectRefs(positions: positions[...], storage: storage) }
        let lower = Self.firstPosition(in: positions, notBelow: window.lowerBound)
        let upper = Self.firstPosition(in: positions, notBelow: window.upperBound)
        return ObjectRefs(positions: positions[lower..<upper], storage: storage)
    }

    /// Binary search in an ascending list of manifest positions.
    private static func firstPosition(in positions: [Int], notBelow bound: Int) -> Int {
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if positions[middle] < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The object with this kind, namespace (ignored for cluster-scoped kinds) and name.
    package func object(kind: String, namespace: String?, name: String) -> ObjectRef? {
        let scoped = ClusterScopedKinds.contains(kind) ? nil : (namespace ?? "default")
        guard let index = manifestSet.index.byKey[ManifestIndex.Key(kind: kind, namespace: scoped, name: name)]?.first
        else { return nil }
        return objectStore[index]
    }

    /// Whether the input has any object of a kind.
    package func contains(kind: String) -> Bool { !(manifestSet.index.byKind[kind] ?? []).isEmpty }

    /// The pod templates of a namespace.
    package func pods(in namespace: String) -> [PodTemplateEntry] {
        podIndex.positions(in: namespace).map { templateStore[$0] }
    }

    /// Whether a namespace holds any pod template.
    package func hasPods(in namespace: String) -> Bool { podIndex.hasObjects(in: namespace) }

    /// The pod templates of a namespace whose pods carry every label of `labels` (a Service selector).
    package func pods(in namespace: String, matchingLabels labels: [String: String]) -> [PodTemplateEntry] {
        var result: [PodTemplateEntry] = []
        for position in candidates(in: namespace, labels) where templateStore[position].matches(labels: labels) {
            result.append(templateStore[position])
        }
        return result
    }

    /// Whether some pod template of a namespace carries every label of `labels`, without collecting them.
    package func hasPods(in namespace: String, matchingLabels labels: [String: String]) -> Bool {
        candidates(in: namespace, labels).contains { templateStore[$0].matches(labels: labels) }
    }

    /// Whether a label selector selects some pod template of a namespace, stopping at the first.
    package func hasPods(in namespace: String, matching selector: LabelSelector) -> Bool {
        if selector.isInvalid { return false }
        return podIndex.candidates(in: namespace, for: selector, ignoring: PodTemplateEntry.isPerPod)
            .contains { templateStore[$0].matches(selector) }
    }

    /// The pod templates of a namespace whose pods a label selector selects.
    package func pods(in namespace: String, matching selector: LabelSelector) -> [PodTemplateEntry] {
        if selector.isInvalid { return [] }
        var result: [PodTemplateEntry] = []
        for position in podIndex.candidates(in: namespace, for: selector, ignoring: PodTemplateEntry.isPerPod)
        where templateStore[position].matches(selector) {
            result.append(templateStore[position])
        }
        return result
    }

    /// Positions in `templateStore` of the shortest posting list of the required labels, or of the whole
    /// namespace when there are none.
    private func candidates(in namespace: String, _ labels: [String: String]) -> [Int] {
        podIndex.candidates(in: namespace, requiring: labels, ignoring: PodTemplateEntry.isPerPod)
    }

    /// The namespaces whose labels a namespace selector selects, sorted.
    package func namespaces(matching selector: LabelSelector) -> [String] {
        if selector.isInvalid { return [] }
        return namespaceIndex.candidates(in: "", for: selector)
            .filter { selector.matches(namespaceLabels[namespaceNames[$0]] ?? [:]) }.map { namespaceNames[$0] }
    }
}
