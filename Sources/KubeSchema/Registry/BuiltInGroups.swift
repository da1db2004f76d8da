/// The API groups Kubernetes itself serves, as opposed to groups that custom resources bring.
///
/// A kind without a schema in a built-in group is a typo (`apps/v2`, `kind: Deploymnet`) and an error; in any
/// other group it is most likely a custom resource whose CustomResourceDefinition is simply not in the input,
/// which kubec cannot validate but is no mistake. The set is every group of every bundled version plus the
/// groups of removed APIs; groups without a dot (`apps`, `batch`, `extensions`, the core group) are always
/// built in, since custom resource groups must contain one.
package enum BuiltInGroups {
    static let known: Set<String> = {
        var groups = Set<String>()
        let text = BundledSchemaData.kinds
        let bytes = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        // Lines read `["group/version","Kind",[…]]`: the group is what precedes the first slash of the first string.
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "["), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                var end = index + 2
                while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "/") { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: "/") {
                    groups.insert(String(decoding: bytes[(index + 2)..<end], as: UTF8.self))
                }
                index = end
            }
            index += 1
        }
        for entry in APIDeprecation.table + APIDeprecation.supplement {
            if let slash = entry.apiVersion.firstIndex(of: "/") { groups.insert(String(entry.apiVersion[..<slash])) }
        }
        return groups
    }()

    /// Whether `group` (`apps`, `networking.k8s.io`, empty for core) is served by Kubernetes itself.
    package static func contains(_ group: String) -> Bool {
        !group.contains(".") || known.contains(group)
    }
}
