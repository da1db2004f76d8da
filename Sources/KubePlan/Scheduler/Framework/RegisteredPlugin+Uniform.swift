/// Plugins that provably give every node the same answer for a pod, so a cycle may leave them out without
/// changing its outcome. Only static node properties and the pod are read: nothing a placement changes.
extension RegisteredPlugin {
    /// True when this filter returns Success (nil) for every node of the snapshot.
    func passesEveryNode(_ pod: SchedulingSpec, _ snapshot: ClusterSnapshot) -> Bool {
        switch self {
        case .nodeUnschedulable: !snapshot.table.anyUnschedulable
        case .nodeName: pod.nodeName?.isEmpty ?? true
        case .taintToleration: !snapshot.table.anyHardTaints
        default: false
        }
    }

    /// True when this score plugin's normalised score is the same on every node: it adds the same amount to
    /// every total, which changes neither the best score nor which nodes tie for it.
    func scoresEveryNodeAlike(_ pod: SchedulingSpec, _ snapshot: ClusterSnapshot) -> Bool {
        switch self {
        // No PreferNoSchedule taint anywhere: every raw count is 0, normalised (reverse) to 100.
        case .taintToleration: !snapshot.table.anyPreferredTaints
        // No image lists, or a pod without images: every node scores 0.
        case .imageLocality: !snapshot.table.anyImages || pod.images.isEmpty
        default: false
        }
    }
}
