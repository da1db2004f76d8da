import KubePlan

/// Pairs the pods of two plans and says what happened to each.
///
/// Pods are matched by namespace and name. A Deployment pod's name carries the pod-template-hash, so a
/// template change renames every pod: the pods left over on each side are then paired by owner (the
/// Deployment), on the same node first and then in name order, and read as `replaced`. Pods still left
/// over are `added` or `removed`.
enum PodPlacementDiff {
    static func compare(old: [PlacementPlan.Pod], new: [PlacementPlan.Pod]) -> [PodPlacementChange] {
        var oldByKey: [String: PlacementPlan.Pod] = [:]
        for pod in old { oldByKey[pod.key] = pod }
        let newKeys = Set(new.map(\.key))
        var changes: [PodPlacementChange] = []
        var added: [PlacementPlan.Pod] = []
        for pod in new {
            guard let before = oldByKey[pod.key] else {
                added.append(pod)
                continue
            }
            if let change = matched(before, pod) { changes.append(change) }
        }
        let removed = old.filter { !newKeys.contains($0.key) }
        let (replaced, leftAdded, leftRemoved) = pairByOwner(removed: removed, added: added)
        changes += replaced
        for pod in leftAdded {
            changes.append(
                PodPlacementChange(
                    change: .added, namespace: pod.namespace, name: pod.name, owner: ownerText(pod),
                    newNode: pod.node, newIP: pod.ip?.description, message: pod.node == nil ? pod.message : nil))
        }
        for pod in leftRemoved {
            changes.append(
                PodPlacementChange(
                    change: .removed, namespace: pod.namespace, name: pod.name, owner: ownerText(pod),
                    oldNode: pod.node, oldIP: pod.ip?.description))
        }
        return changes.sorted(by: order)
    }

    /// The change of a pod both sides have, nil when it stays where it was with the same address.
    static func matched(_ old: PlacementPlan.Pod, _ new: PlacementPlan.Pod) -> PodPlacementChange? {
        let kind: PodPlacementChange.Change
        switch (old.node, new.node) {
        case (nil, nil): return nil
        case (.some, nil): kind = .unschedulable
        case (nil, .some): kind = .scheduled
        case (let before?, let after?):
            if before != after {
                kind = .moved
            } else if old.ip != new.ip {
                kind = .readdressed
            } else {
                return nil
            }
        }
        return PodPlacementChange(
            change: kind, namespace: new.namespace, name: new.name, owner: ownerText(new), oldNode: old.node,
            newNode: new.node, oldIP: old.ip?.description, newIP: new.ip?.description,
            message: kind == .unschedulable ? new.message : nil)
    }

    /// Pairs left-over Deployment pods of the same Deployment: same node first, then in name order.
    static func pairByOwner(removed: [PlacementPlan.Pod], added: [PlacementPlan.Pod]) -> (
        replaced: [PodPlacementChange], added: [PlacementPlan.Pod], removed: [PlacementPlan.Pod]
    ) {
        func deploymentKey(_ pod: PlacementPlan.Pod) -> String? {
            guard let owner = pod.owner, owner.kind == "Deployment" else { return nil }
            return "\(pod.namespace)/\(owner.name)"
        }
        var removedByOwner: [String: [PlacementPlan.Pod]] = [:]
        var leftRemoved: [PlacementPlan.Pod] = []
        for pod in removed {
            if let key = deploymentKey(pod) {
                removedByOwner[key, default: []].append(pod)
            } else {
                leftRemoved.append(pod)
            }
        }
        var addedByOwner: [String: [PlacementPlan.Pod]] = [:]
        var leftAdded: [PlacementPlan.Pod] = []
        for pod in added {
            if let key = deploymentKey(pod) {
                addedByOwner[key, default: []].append(pod)
            } else {
                leftAdded.append(pod)
            }
        }
        var replaced: [PodPlacementChange] = []
        for key in Set(removedByOwner.keys).union(addedByOwner.keys).sorted() {
            var olds = (removedByOwner[key] ?? []).sorted { $0.name < $1.name }
            var news = (addedByOwner[key] ?? []).sorted { $0.name < $1.name }
            var pairs: [(PlacementPlan.Pod, PlacementPlan.Pod)] = []
            // Same node first: the rollout's new pod most likely lands where the old one was.
            for newIndex in news.indices.reversed() {
                if let node = news[newIndex].node, let oldIndex = olds.firstIndex(where: { $0.node == node }) {
                    pairs.append((olds.remove(at: oldIndex), news.remove(at: newIndex)))
                }
            }
            let count = min(olds.count, news.count)
            for index in 0..<count { pairs.append((olds[index], news[index])) }
            leftRemoved += olds.dropFirst(count)
            leftAdded += news.dropFirst(count)
            for (old, new) in pairs {
                replaced.append(
                    PodPlacementChange(
                        change: .replaced, namespace: new.namespace, name: new.name, oldName: old.name,
                        owner: ownerText(new), oldNode: old.node, newNode: new.node, oldIP: old.ip?.description,
                        newIP: new.ip?.description, message: new.node == nil ? new.message : nil))
            }
        }
        return (replaced, leftAdded, leftRemoved)
    }

    static func ownerText(_ pod: PlacementPlan.Pod) -> String? {
        pod.owner.map { "\($0.kind)/\($0.name)" }
    }

    /// Namespace, name, then change: a total order (a name is at most once per change kind).
    static func order(_ lhs: PodPlacementChange, _ rhs: PodPlacementChange) -> Bool {
        if lhs.namespace != rhs.namespace { return lhs.namespace < rhs.namespace }
        if lhs.name != rhs.name { return lhs.name < rhs.name }
        return lhs.change.rawValue < rhs.change.rawValue
    }
}
