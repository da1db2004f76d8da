/// What to compare and what to leave out.
package struct DiffOptions: Sendable {
    /// Extra fields not to compare (`--ignore`), on top of the noise list.
    package var ignores: [FieldPathPattern]
    /// Leave out `noise` (default true): fields the API server writes, which never belong in a review.
    package var ignoreNoise: Bool

    /// The OLD and NEW paths as given, to tell a moved object from one that stayed in place.
    ///
    /// An object has moved when its file relative to its side's root differs (`old/app/web.yaml` and
    /// `new/app/web.yaml` are the same place). Nil compares file paths as they are.
    package var roots: (old: String, new: String)?

    /// Options; by default noise is left out and nothing else is.
    package init(ignores: [FieldPathPattern] = [], ignoreNoise: Bool = true, roots: (old: String, new: String)? = nil) {
        self.ignores = ignores
        self.ignoreNoise = ignoreNoise
        self.roots = roots
    }

    /// Whether an object's file differs between the sides, relative to the roots.
    func moved(from oldFile: String, to newFile: String) -> Bool {
        guard let roots else { return oldFile != newFile }
        // Standard input has no place in a folder, so nothing read from it can have moved.
        if roots.old == "-" || roots.new == "-" { return false }
        return Self.relative(oldFile, to: roots.old) != Self.relative(newFile, to: roots.new)
    }

    /// A file's path inside a root folder; empty when the root is the file itself.
    static func relative(_ file: String, to root: String) -> String {
        if file == root { return "" }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
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
