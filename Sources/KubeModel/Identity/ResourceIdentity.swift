import KubeYAML

/// Who an object is: API group and version, kind, namespace and name, as the API server keys it.
package struct ResourceIdentity: Hashable, Comparable, Sendable {
    /// `apps/v1`, `v1`, `networking.k8s.io/v1`.
    package var apiVersion: String
    package var kind: String
    /// The effective namespace: `default` when omitted for a namespaced kind, nil for cluster-scoped kinds.
    package var namespace: String?
    /// `metadata.name`, or `metadata.generateName` when only that is given (see `isGenerated`).
    package var name: String
    /// True when the object has only `generateName`.
    package var isGenerated: Bool

    package init(apiVersion: String, kind: String, namespace: String?, name: String, isGenerated: Bool = false) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
        self.isGenerated = isGenerated
    }

    /// The API group: `apps` for `apps/v1`, empty for the core group (`v1`).
    package var group: String {
        guard let slash = slashIndex else { return "" }
        return String(apiVersion[..<slash])
    }

    /// The version part: `v1` of `apps/v1`.
    package var version: String {
        guard let slash = slashIndex else { return apiVersion }
        return String(apiVersion[apiVersion.index(after: slash)...])
    }

    /// Where the first `/` of `apiVersion` is: found among the bytes of ASCII text (every real apiVersion), among
    /// the characters otherwise (where a combining mark after `/` makes it part of another character).
    private var slashIndex: String.Index? {
        let bytes = apiVersion.utf8
        if !bytes.contains(where: { $0 >= 0x80 }) { return bytes.firstIndex(of: UInt8(ascii: "/")) }
        return apiVersion.firstIndex(of: "/")
    }

    /// The identity the API server stores the object under: the group, not the full apiVersion.
    package var storageKey: StorageKey { StorageKey(group: group, kind: kind, namespace: namespace, name: name) }

    /// The identity in diagnostics.
    package var objectIdentity: ObjectIdentity {
        ObjectIdentity(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name)
    }

    package static func < (lhs: ResourceIdentity, rhs: ResourceIdentity) -> Bool {
        (lhs.group, lhs.kind, lhs.namespace ?? "", lhs.name, lhs.apiVersion)
            < (rhs.group, rhs.kind, rhs.namespace ?? "", rhs.name, rhs.apiVersion)
    }
}

/// Group, kind, namespace and name: how two versions of one object are matched, whatever their apiVersion.
package struct StorageKey: Hashable, Comparable, Sendable {
    package var group: String
    package var kind: String
    package var namespace: String?
    package var name: String

    package init(group: String, kind: String, namespace: String?, name: String) {
        self.group = group
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    package static func < (lhs: StorageKey, rhs: StorageKey) -> Bool {
        (lhs.group, lhs.kind, lhs.namespace ?? "", lhs.name) < (rhs.group, rhs.kind, rhs.namespace ?? "", rhs.name)
    }
}
