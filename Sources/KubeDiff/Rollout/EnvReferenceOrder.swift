import KubeModel
import KubeYAML

/// Env entries whose `$(VAR)` reference changes meaning because the list was reordered.
///
/// The kubelet expands `$(NAME)` in an env value only from entries *before* it in the same container (and
/// from the service variables); a reference to a later entry stays the literal text `$(NAME)`. So moving
/// `A` below `B: $(A)/x` changes B's value in every new pod, though no entry changed.
enum EnvReferenceOrder {
    /// Warnings for each `reordered` env list among `changes`.
    static func findings(_ context: WorkloadChange) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for change in context.changes where change.kind == .reordered {
            guard case .key("env")? = change.path.segments.last,
                let old = FieldPathLookup.node(change.path, in: context.old),
                let new = FieldPathLookup.node(change.path, in: context.new)
            else { continue }
            let before = resolutions(old)
            for (entry, references) in resolutions(new) {
                for (name, resolves) in references {
                    guard let earlier = before[entry]?[name], earlier != resolves else { continue }
                    let message =
                        resolves
                        ? "\(change.path)[name=\(entry)]: $(\(name)) now expands: \(name) moved before \(entry)"
                        : "\(change.path)[name=\(entry)]: $(\(name)) no longer expands: \(name) moved after \(entry), "
                            + "and a reference sees only earlier entries"
                    findings.append(
                        Diagnostic(
                            rule: ConsequenceRules.updateCaveat, severity: .warning, message: message,
                            range: new.range, object: context.identity.objectIdentity, path: change.path.description,
                            hint: resolves ? nil : "keep \(name) above \(entry)"))
                }
            }
        }
        return findings
    }

    /// For each entry, the names of the list's own entries it references and whether each is defined before it.
    static func resolutions(_ list: YAMLNode) -> [String: [String: Bool]] {
        var position: [String: Int] = [:]
        for (index, item) in list.items.enumerated() {
            if let name = item["name"]?.text, position[name] == nil { position[name] = index }
        }
        var result: [String: [String: Bool]] = [:]
        for (index, item) in list.items.enumerated() {
            guard let name = item["name"]?.text, let value = item["value"]?.text else { continue }
            for reference in references(in: value) {
                guard let defined = position[reference] else { continue }
                result[name, default: [:]][reference] = defined < index
            }
        }
        return result
    }

    /// The names in `$(NAME)` references; `$$(NAME)` is an escape, not a reference.
    static func references(in value: String) -> [String] {
        var names: [String] = []
        let bytes = Array(value.utf8)
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "$") {
                if bytes[index + 1] == UInt8(ascii: "$") {
                    index += 2
                    continue
                }
                if bytes[index + 1] == UInt8(ascii: "("),
                    let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ")"))
                {
                    names.append(String(decoding: bytes[(index + 2)..<close], as: UTF8.self))
                    index = close + 1
                    continue
                }
            }
            index += 1
        }
        return names
    }
}

/// Finds the node a field path names in an object's tree: keys, list positions and keyed list items.
enum FieldPathLookup {
    static func node(_ path: FieldPath, in root: YAMLNode) -> YAMLNode? {
        var current = root
        for segment in path.segments {
            switch segment {
            case .key(let key):
                guard let next = current[key] else { return nil }
                current = next
            case .index(let index):
                guard current.isSequence, index < current.count else { return nil }
                current = current.items[index]
            case .item(let fields):
                guard current.isSequence,
                    let match = current.items.last(where: { item in
                        fields.allSatisfy { field in item[field.field]?.text == field.value }
                    })
                else { return nil }
                current = match
            }
        }
        return current
    }
}
