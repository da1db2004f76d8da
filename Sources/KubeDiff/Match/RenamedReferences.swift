import KubeModel
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

    /// Warns, on each renamed ConfigMap or Secret, about workloads of the new set that still read the old name:
    /// once the old object is pruned, their pods that start afterwards cannot (unless the reference is
    /// optional).
    static func addStale(_ objects: inout [ObjectDiff], new: [Manifest]) {
        let renamed = objects.indices.filter { index in
            let identity = objects[index].identity
            return objects[index].change == .renamed && identity.group.isEmpty
                && (identity.kind == "ConfigMap" || identity.kind == "Secret")
        }
        guard !renamed.isEmpty else { return }
        let index = ConfigConsumers.index(new)
        for position in renamed {
            let object = objects[position]
            guard let oldName = object.oldName, let namespace = object.identity.namespace,
                let readers = index[
                    ConfigConsumers.Reference(namespace: namespace, kind: object.identity.kind, name: oldName)]
            else { continue }
            for reader in readers.keys.sorted() {
                let name = reader.namespace.map { "\($0)/\(reader.name)" } ?? reader.name
                objects[position].findings.append(
                    Diagnostic(
                        rule: ConsequenceRules.updateCaveat, severity: .warning,
                        message:
                            "\(reader.kind) \(name) still refers to the old name \(oldName): once the old "
                            + "\(object.identity.kind) is pruned, its new pods cannot start",
                        range: object.newRange, object: object.identity.objectIdentity,
                        hint: "point it at \(object.identity.name), or mark the reference optional"))
            }
        }
    }
}
