import KubeModel
import KubeYAML

/// Pairs the objects of two manifest sets by what the API server stores them under.
///
/// The key is group, kind, namespace and name (`StorageKey`): not the full apiVersion, so `apps/v1beta2` →
/// `apps/v1` is the same object with a version bump, and not the file or position, so objects may move
/// between files and files may hold any number of documents in any order. Objects with only
/// `generateName` get a new name on every create, so they have no stable identity: those with the same
/// prefix are paired in input order, and the leftovers are added or removed.
package enum ObjectMatcher {
    /// Rule id of the warning for an object given twice on one side.
    package static let duplicateRule = "diff-duplicate-object"

    /// The result of matching: pairs in key order, then the unmatched on each side.
    package struct Result: Sendable {
        package var pairs: [(old: Manifest, new: Manifest)] = []
        package var added: [Manifest] = []
        package var removed: [Manifest] = []
        package var diagnostics: [Diagnostic] = []
    }

    /// The identity two versions must share; generated objects never equal a named one.
    struct MatchKey: Hashable, Comparable {
        var storage: StorageKey
        var generated: Bool

        static func < (lhs: MatchKey, rhs: MatchKey) -> Bool {
            lhs.storage != rhs.storage ? lhs.storage < rhs.storage : (!lhs.generated && rhs.generated)
        }
    }

    package static func match(old: [Manifest], new: [Manifest]) -> Result {
        var result = Result()
        let oldGroups = group(old, side: "old", diagnostics: &result.diagnostics)
        let newGroups = group(new, side: "new", diagnostics: &result.diagnostics)
        let keys = Set(oldGroups.keys).union(newGroups.keys).sorted()
        for key in keys {
            let olds = oldGroups[key] ?? []
            let news = newGroups[key] ?? []
            let paired = min(olds.count, news.count)
            for index in 0..<paired { result.pairs.append((olds[index], news[index])) }
            result.removed.append(contentsOf: olds.dropFirst(paired))
            result.added.append(contentsOf: news.dropFirst(paired))
        }
        return result
    }

    /// Groups one side by key. A named object given twice keeps the last (as applying the files in order
    /// would) with a warning; generated objects keep every one.
    private static func group(_ manifests: [Manifest], side: String, diagnostics: inout [Diagnostic]) -> [MatchKey: [Manifest]] {
        var groups: [MatchKey: [Manifest]] = [:]
        groups.reserveCapacity(manifests.count)
        for manifest in manifests {
            let key = MatchKey(storage: manifest.identity.storageKey, generated: manifest.identity.isGenerated)
            if !key.generated, let previous = groups[key]?.first {
                diagnostics.append(Diagnostic(
                    rule: duplicateRule, severity: .warning,
                    message: "\(manifest.identity.objectIdentity.displayName) appears twice in the \(side) set; the last one is compared",
                    range: manifest.node.range, object: manifest.identity.objectIdentity,
                    notes: [DiagnosticNote(message: "first given here", range: previous.node.range)]))
                groups[key] = [manifest]
            } else {
                groups[key, default: []].append(manifest)
            }
        }
        return groups
    }
}
