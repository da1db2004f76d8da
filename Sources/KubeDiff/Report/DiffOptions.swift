/// What to compare and what to leave out.
package struct DiffOptions: Sendable {
    /// Extra fields not to compare (`--ignore`), on top of the noise list.
    package var ignores: [FieldPathPattern]
    /// Leave out `noise` (default true): fields the API server writes, which never belong in a review.
    package var ignoreNoise: Bool

    package init(ignores: [FieldPathPattern] = [], ignoreNoise: Bool = true) {
        self.ignores = ignores
        self.ignoreNoise = ignoreNoise
    }

    /// Server-written fields that `kubectl get -o yaml` exports carry and that users of `kubectl diff`,
    /// dyff and helm-diff filter out: `status`, `metadata.managedFields`, `resourceVersion`, `uid`,
    /// `generation`, `creationTimestamp`, `selfLink`, and the `kubectl.kubernetes.io/last-applied-configuration`
    /// and `deployment.kubernetes.io/revision` annotations.
    package static let noise: [FieldPathPattern] = [
        "status", "metadata.managedFields", "metadata.resourceVersion", "metadata.uid", "metadata.generation",
        "metadata.creationTimestamp", "metadata.selfLink",
        "metadata.annotations[\"kubectl.kubernetes.io/last-applied-configuration\"]",
        "metadata.annotations[\"deployment.kubernetes.io/revision\"]",
    ].compactMap { try? FieldPathPattern($0) }

    /// The patterns the field diff applies.
    package var effectiveIgnores: [FieldPathPattern] { (ignoreNoise ? Self.noise : []) + ignores }
}
