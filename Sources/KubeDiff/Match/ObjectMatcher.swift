import Dispatch
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
        /// Old and new versions of the same object, in old input order.
        package var pairs: [(old: Manifest, new: Manifest)] = []
        /// Objects only in the new set.
        package var added: [Manifest] = []
        /// Objects only in the old set.
        package var removed: [Manifest] = []
        /// Warnings about objects given twice on one side.
        package var diagnostics: [Diagnostic] = []
    }

    /// The identity two versions must share; generated objects never equal a named one.
    ///
    /// Hashed once when made: each key is looked up several times, and hashing its four strings each time
    /// was most of the matcher's cost.
    struct MatchKey: Hashable, Comparable, Sendable {
        let storage: StorageKey
        let generated: Bool
        private let hash: Int

        init(storage: StorageKey, generated: Bool) {
            self.storage = storage
            self.generated = generated
            var hasher = Hasher()
            hasher.combine(storage)
            hasher.combine(generated)
            hash = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (lhs: MatchKey, rhs: MatchKey) -> Bool {
            lhs.hash == rhs.hash && lhs.generated == rhs.generated && lhs.storage == rhs.storage
        }

        static func < (lhs: MatchKey, rhs: MatchKey) -> Bool {
            lhs.storage != rhs.storage ? lhs.storage < rhs.storage : (!lhs.generated && rhs.generated)
        }
    }

    /// Pairs old and new objects by storage key; the rest are added or removed.
    package static func match(old: [Manifest], new: [Manifest]) -> Result {
        var result = Result()
        // The two sides are grouped at the same time, one per core; old's warnings come first either way.
        let sides = ResultSlots<(Groups, [Diagnostic])>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            var diagnostics: [Diagnostic] = []
            let groups = group(side == 0 ? old : new, side: side == 0 ? "old" : "new", diagnostics: &diagnostics)
            sides.store((groups, diagnostics), at: side)
        }
        let grouped = sides.values()
        let (oldGroups, newGroups) = (grouped[0].0, grouped[1].0)
        result.diagnostics = grouped[0].1 + grouped[1].1
        result.pairs.reserveCapacity(min(old.count, new.count))
        // Walk each side in input order (the report is sorted later, so no key sort is needed here).
        for (key, oldFirst) in oldGroups.order {
            guard let newFirst = newGroups.first[key] else {
                result.removed.append(contentsOf: oldGroups.members(key, first: oldFirst).map { old[$0] })
                continue
            }
            if !key.generated {
                result.pairs.append((old[oldFirst], new[newFirst]))
                continue
            }
            let olds = oldGroups.members(key, first: oldFirst)
            let news = newGroups.members(key, first: newFirst)
            let paired = min(olds.count, news.count)
            for index in 0..<paired { result.pairs.append((old[olds[index]], new[news[index]])) }
            result.removed.append(contentsOf: olds.dropFirst(paired).map { old[$0] })
            result.added.append(contentsOf: news.dropFirst(paired).map { new[$0] })
        }
        for (key, newFirst) in newGroups.order where oldGroups.first[key] == nil {
            result.added.append(contentsOf: newGroups.members(key, first: newFirst).map { new[$0] })
        }
        return result
    }

    /// One side grouped by key.
    ///
    /// Holds the member per key (the last, for named objects), further members of generated keys, and the
    /// keys in first-seen order: one dictionary entry per object, no array per key.
    private struct Groups: Sendable {
        var first: [MatchKey: Int] = [:]
        var more: [MatchKey: [Int]] = [:]
        var order: [(MatchKey, Int)] = []

        func members(_ key: MatchKey, first: Int) -> [Int] { [first] + (more[key] ?? []) }
    }

    /// Groups one side by key.
    ///
    /// A named object given twice keeps the last (as applying the files in order would) with a warning;
    /// generated objects keep every one.
    private static func group(_ manifests: [Manifest], side: String, diagnostics: inout [Diagnostic]) -> Groups {
        var groups = Groups()
        groups.first.reserveCapacity(manifests.count)
        groups.order.reserveCapacity(manifests.count)
        var replaced = false
        for (index, manifest) in manifests.enumerated() {
            let key = MatchKey(storage: manifest.identity.storageKey, generated: manifest.identity.isGenerated)
            // One lookup for the common case, a key seen for the first time.
            guard let previous = groups.first.updateValue(index, forKey: key) else {
                groups.order.append((key, index))
                continue
            }
            if key.generated {
                groups.first[key] = previous
                groups.more[key, default: []].append(index)
            } else {
                replaced = true
                diagnostics.append(
                    Diagnostic(
                        rule: duplicateRule, severity: .warning,
                        message:
                            "\(manifest.identity.objectIdentity.displayName) appears twice in the \(side) set; the last one is compared",
                        range: manifest.node.range, object: manifest.identity.objectIdentity,
                        notes: [DiagnosticNote(message: "first given here", range: manifests[previous].node.range)]))
            }
        }
        // `order` holds each key's first-seen index; named duplicates were replaced by their last version.
        if replaced { groups.order = groups.order.map { ($0.0, groups.first[$0.0] ?? $0.1) } }
        return groups
    }
}
