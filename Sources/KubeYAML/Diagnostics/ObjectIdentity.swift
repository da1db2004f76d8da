/// Which Kubernetes object a finding is about, as printed in reports.
///
/// Lives beside `Diagnostic` (not in KubeModel) so that every stage, the loader included, can name an object.
package struct ObjectIdentity: Hashable, Comparable, Sendable {
    package var apiVersion: String
    package var kind: String
    /// Nil for cluster-scoped kinds.
    package var namespace: String?
    package var name: String

    package init(apiVersion: String, kind: String, namespace: String?, name: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// `Kind namespace/name`, or `Kind name` when cluster-scoped.
    package var displayName: String {
        if let namespace { return "\(kind) \(namespace)/\(name)" }
        return "\(kind) \(name)"
    }

    package static func < (lhs: ObjectIdentity, rhs: ObjectIdentity) -> Bool {
        (lhs.kind, lhs.namespace ?? "", lhs.name, lhs.apiVersion) < (rhs.kind, rhs.namespace ?? "", rhs.name, rhs.apiVersion)
    }
}
