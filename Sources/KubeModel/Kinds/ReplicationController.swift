import KubeYAML

extension Manifest {
    /// A `v1` ReplicationController read as the ReplicaSet it behaves as, nil for any other object.
    ///
    /// The API still serves ReplicationControllers and older manifests (kubernetes/examples among them) use them;
    /// the model keeps them generic, so the linter and the planner read them through here. The selector is a
    /// plain label map, defaulted to the template's labels as the API server does; replicas default to 1.
    package var replicationController: ReplicaSet? {
        guard identity.kind == "ReplicationController", identity.apiVersion == "v1", object.isGeneric, node.isMapping
        else { return nil }
        var context = DecodeContext(root: node, object: identity.objectIdentity)
        context.effectiveNamespace = identity.namespace
        var set = ReplicaSet(decoding: node, in: &context)
        let map = StringMap.decode(node["spec"]?["selector"])
        set.spec.selector = LabelSelector(matchLabels: map.isEmpty ? set.spec.template.labels : map)
        return set
    }
}
