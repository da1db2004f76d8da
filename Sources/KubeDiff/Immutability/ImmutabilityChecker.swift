import KubeModel
import KubeYAML

/// Finds the updates the API server refuses for a modified object, in the API server's words.
///
/// The one place kinds are named for immutability; each family of kinds has its own file. Every finding is
/// an error with rule `diff-forbidden-update` and the hint "needs delete and recreate", pointing at the new
/// value; where the API message does not say which field changed (StatefulSet, PVC), notes name each one.
enum ImmutabilityChecker {
    static func check(_ context: WorkloadChange) -> [Diagnostic] {
        let identity = context.identity
        switch (identity.group, identity.kind) {
        case ("apps", "Deployment"), ("apps", "ReplicaSet"), ("apps", "DaemonSet"):
            return WorkloadImmutability.selector(context)
        case ("apps", "StatefulSet"):
            return WorkloadImmutability.statefulSet(context)
        case ("batch", "Job"):
            return WorkloadImmutability.job(context)
        case ("", "Service"):
            return ServiceImmutability.check(context)
        case ("", "PersistentVolumeClaim"):
            return StorageImmutability.persistentVolumeClaim(context)
        case ("storage.k8s.io", "StorageClass"):
            return StorageImmutability.storageClass(context)
        case ("", "ConfigMap"):
            return ConfigDataImmutability.configMap(context)
        case ("", "Secret"):
            return ConfigDataImmutability.secret(context)
        case ("rbac.authorization.k8s.io", "RoleBinding"), ("rbac.authorization.k8s.io", "ClusterRoleBinding"):
            return ConfigDataImmutability.roleRef(context)
        default:
            return []
        }
    }
}

extension WorkloadChange {
    /// A forbidden-update error at a path of the new version (or, for a removed field, the old one).
    func forbidden(_ message: String, path: String, keys: [String], notes: [DiagnosticNote] = []) -> Diagnostic {
        Diagnostic(
            rule: ConsequenceRules.forbiddenUpdate, severity: .error, message: message,
            range: rangeForPath(keys), object: identity.objectIdentity, path: path,
            hint: ConsequenceRules.recreateHint, notes: notes)
    }

    /// A warning about an update that is accepted but does not do what it seems to.
    func caveat(_ message: String, path: String, keys: [String], hint: String) -> Diagnostic {
        Diagnostic(
            rule: ConsequenceRules.updateCaveat, severity: .warning, message: message, range: rangeForPath(keys),
            object: identity.objectIdentity, path: path, hint: hint)
    }

    /// `field is immutable` errors for every listed field that changed.
    func immutableFields(_ fields: [[String]]) -> [Diagnostic] {
        fields.compactMap { keys in
            guard changed(under: keys) else { return nil }
            let path = keys.joined(separator: ".")
            return forbidden(
                "\(path): Invalid value: \(APIValueText.render(node(keys))): field is immutable", path: path, keys: keys
            )
        }
    }

    /// Notes naming each change under a path, for messages that do not say which field changed.
    func changeNotes(_ changes: [FieldChange]) -> [DiagnosticNote] {
        changes.map { change in
            DiagnosticNote(message: "changed: \(change.path)", range: change.newRange ?? change.oldRange)
        }
    }

    /// The node at a path of the new version.
    func node(_ keys: [String]) -> YAMLNode? {
        var current: YAMLNode? = new
        for key in keys { current = current?[key] }
        return current
    }

    /// Where a finding about a path points: the field in the new version, else in the old one (a removed
    /// field), else its deepest existing parent in the new version.
    private func rangeForPath(_ keys: [String]) -> SourceRange {
        let inNew = Self.walk(new, keys)
        if inNew.depth == keys.count { return inNew.node.range }
        let inOld = Self.walk(old, keys)
        if inOld.depth == keys.count { return inOld.node.range }
        return inNew.node.range
    }

    private static func walk(_ root: YAMLNode, _ keys: [String]) -> (node: YAMLNode, depth: Int) {
        var current = root
        var depth = 0
        for key in keys {
            guard let next = current[key] else { break }
            current = next
            depth += 1
        }
        return (current, depth)
    }
}

/// Prints a value the way the API server prints an `Invalid value:`: compact JSON, strings quoted.
///
/// Mapping keys are sorted (Go marshals maps sorted), except that label selectors keep their struct order
/// (`matchLabels` before `matchExpressions`). Long values (a whole pod template) print as `{...}`.
enum APIValueText {
    static let limit = 160
    private static let structOrder = ["matchLabels", "matchExpressions", "key", "operator", "values"]

    static func render(_ node: YAMLNode?) -> String {
        guard let node else { return "null" }
        var text = ""
        append(DiffValue(node), to: &text)
        if text.count > limit {
            switch node.kind {
            case .mapping: return "{...}"
            case .sequence: return "[...]"
            case .scalar: return String(text.prefix(limit)) + "..."
            }
        }
        return text
    }

    private static func append(_ value: DiffValue, to text: inout String) {
        switch value {
        case .null:
            text += "null"
        case .scalar(let raw, let type):
            text += type == .string ? DiffValue.quoted(raw) : raw
        case .list(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                append(item, to: &text)
            }
            text += "]"
        case .map(let pairs):
            let ordered = pairs.sorted { lhs, rhs in
                let left = structOrder.firstIndex(of: lhs.key) ?? Int.max
                let right = structOrder.firstIndex(of: rhs.key) ?? Int.max
                return left != right ? left < right : lhs.key < rhs.key
            }
            text += "{"
            for (index, pair) in ordered.enumerated() {
                if index > 0 { text += "," }
                text += DiffValue.quoted(pair.key) + ":"
                append(pair.value, to: &text)
            }
            text += "}"
        }
    }
}
