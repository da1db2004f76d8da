import KubeModel
import KubeYAML

/// Documents that look like Kubernetes objects but cannot be identified (no apiVersion, kind or name): the diff
/// cannot match them, so whatever changed in them would go unseen, and the comparison is incomplete.
///
/// A document "looks like an object" when its root mapping has `metadata`, or has `kind` without
/// `apiVersion` (a Deployment whose apiVersion was lost). Other YAML in a manifest folder (Helm values, a
/// `kustomization.yaml`, a component's config file with its own `kind` and `apiVersion`, a patch list) is not
/// an object: its identity finding is still shown, but it does not make the comparison incomplete.
enum UnidentifiedObjects {
    /// Rule id given to the identity findings of documents that look like objects.
    static let rule = "diff-unidentified-object"
    /// Kinds that are tool configuration, not API objects.
    static let toolKinds: Set<String> = ["Kustomization", "Component"]

    /// The diagnostics with the identity findings of object-like documents moved to `rule`.
    static func mark(_ diagnostics: [Diagnostic], files: [SourceFile]) -> [Diagnostic] {
        let suspects = Set(
            diagnostics.compactMap { $0.rule == IdentityReader.ruleID && $0.severity == .error ? $0.range?.file : nil })
        guard !suspects.isEmpty else { return diagnostics }
        // Only the files holding such findings are read again (rare: most sets have none).
        let loaded = YAMLLoader.load(files.filter { suspects.contains($0.path) })
        var objectLike = Set<SourceRange>()
        for document in loaded.documents where looksLikeObject(document.root) {
            objectLike.insert(document.root.range)
            if let metadata = document.root["metadata"] { objectLike.insert(metadata.range) }
        }
        return diagnostics.map { diagnostic in
            guard diagnostic.rule == IdentityReader.ruleID, let range = diagnostic.range, objectLike.contains(range)
            else { return diagnostic }
            var marked = diagnostic
            marked.rule = rule
            return marked
        }
    }

    static func looksLikeObject(_ root: YAMLNode) -> Bool {
        guard root.isMapping else { return false }
        if let kind = root["kind"]?.text, toolKinds.contains(kind) { return false }
        if root["metadata"] != nil { return true }
        return root["kind"] != nil && root["apiVersion"] == nil
    }
}
