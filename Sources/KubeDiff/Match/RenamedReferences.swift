import KubeYAML

/// Lists, on each renamed object, the references to it that the change updated.
///
/// A reference is a field of another object whose value went from the old name to the new one (a volume's
/// `configMap.name`, an `envFrom`, a `roleRef.name`, …). The referencing objects roll out or change on their
/// own; this says why.
enum RenamedReferences {
    /// Rule id of the notes.
    static let rule = "diff-renamed-reference"

    static func add(_ objects: inout [ObjectDiff]) {
        let renamed = objects.indices.filter { objects[$0].change == .renamed && objects[$0].oldName != nil }
        guard !renamed.isEmpty else { return }
        for position in renamed {
            let object = objects[position]
            guard let oldName = object.oldName else { continue }
            var references: [Diagnostic] = []
            for other in objects
            where other.change == .modified && other.identity.namespace == object.identity.namespace {
                for change in other.fields where change.kind == .modified {
                    guard case .scalar(let before, _)? = change.old, case .scalar(let after, _)? = change.new,
                        before == oldName, after == object.identity.name
                    else { continue }
                    references.append(
                        Diagnostic(
                            rule: rule, severity: .info,
                            message: "reference updated: \(other.displayName) \(change.path)",
                            range: change.newRange, object: object.identity.objectIdentity,
                            path: change.path.description))
                }
            }
            objects[position].findings += references
        }
    }
}
