/// Which lists are matched item by item on a key instead of by position, and on which fields.
///
/// The keys are the strategic-merge-patch merge keys of the Kubernetes API types (`patchMergeKey` in
/// k8s.io/api), so an item is "the same item" exactly when `kubectl apply` would treat it so. Lists absent
/// here (tolerations, args, rules, …) are aligned on their equal items; a keyed list whose items lack a key
/// or repeat one also falls back to that, since the key no longer identifies an item. In the lists whose
/// order has a meaning (containers, init containers, env) items that swap places are still a change
/// (`FieldChange.Kind.reordered`), as in every keyed list inside a pod template (`TreeDiffer`).
package struct MergeKey: Hashable, Sendable {
    /// The fields that together identify an item, in the order paths print them.
    package var fields: [String]
    /// Values assumed for key fields an item omits: only `protocol`, which the API defaults to `TCP`.
    package var defaults: [String: String]

    /// Whether the items' order has a meaning, so that a reorder is a change (`FieldChange.Kind.reordered`).
    package var ordered: Bool

    /// A merge key of these fields, with defaults for omitted ones.
    package init(_ fields: [String], defaults: [String: String] = [:], ordered: Bool = false) {
        self.fields = fields
        self.defaults = defaults
        self.ordered = ordered
    }

    /// Items named by `name`: volumes, imagePullSecrets, and the like.
    static let name = MergeKey(["name"])
    /// Items named by `name` whose order matters: containers start in order (init containers run one after
    /// another), and an env entry's `$(VAR)` sees only the entries before it.
    static let orderedName = MergeKey(["name"], ordered: true)

    /// The merge key of the list at `path`, or nil for a positional list.
    ///
    /// Decided by the list's own field name; `ports` depends on where it is: container ports
    /// (`containers[…].ports`) key on `containerPort`, every other `ports` list (Service, EndpointSlice,
    /// NetworkPolicy) on `port`, both with `protocol`.
    package static func forList(at path: FieldPath, kind: String? = nil) -> MergeKey? {
        guard case .key(let name)? = path.segments.last else { return nil }
        // A CRD's versions are one per name (the API server refuses duplicates); their order carries no meaning
        // beyond display, so a version added in front must not shift every schema onto its neighbour.
        if kind == "CustomResourceDefinition", path == FieldPath(keys: "spec", "versions") { return .name }
        switch name {
        case "containers", "initContainers", "ephemeralContainers", "env":
            return .orderedName
        case "volumes", "imagePullSecrets", "schedulingGates", "resourceClaims", "webhooks":
            return .name
        case "volumeMounts":
            return MergeKey(["mountPath"])
        case "volumeDevices":
            return MergeKey(["devicePath"])
        case "hostAliases":
            return MergeKey(["ip"])
        case "readinessGates":
            return MergeKey(["conditionType"])
        case "topologySpreadConstraints":
            return MergeKey(["topologyKey", "whenUnsatisfiable"])
        case "ports":
            return isContainerPorts(path)
                ? MergeKey(["containerPort", "protocol"], defaults: ["protocol": "TCP"])
                : MergeKey(["port", "protocol"], defaults: ["protocol": "TCP"])
        default:
            return nil
        }
    }

    private static func isContainerPorts(_ path: FieldPath) -> Bool {
        let segments = path.segments
        guard segments.count >= 3, case .key(let list) = segments[segments.count - 3] else { return false }
        return list == "containers" || list == "initContainers" || list == "ephemeralContainers"
    }
}
