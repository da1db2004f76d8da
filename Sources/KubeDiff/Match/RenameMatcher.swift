import KubeModel
import KubeYAML

/// Pairs an object that disappears with one that appears under another name when they are the same thing
/// renamed: a kustomize ConfigMap or Secret whose hash suffix changed with its content
/// (`app-config-9bfbmfgt2f` → `app-config-296567ccmt`), a Helm release renamed (`old-web` → `new-web`).
///
/// Candidates share group, kind and namespace. A pair is accepted when both names end in a kustomize hash
/// suffix over the same base, or when their content (everything but `metadata`) is at least
/// `minimumSimilarity` alike. Content is compared as a multiset of leaf tokens (`path=value`, one token per
/// line of a multi-line string), so a one-line edit in a big script still reads as nearly the same. Pairs
/// are taken best first; each object joins at most one. Groups larger than `maxCandidates` a side pair
/// only on hash suffixes, which keeps the work linear.
enum RenameMatcher {
    static let minimumSimilarity = 0.6
    static let maxCandidates = 64

    /// Paired renames, and what stays added or removed, each in input order.
    static func pair(removed: [Manifest], added: [Manifest]) -> (
        renames: [(old: Manifest, new: Manifest)], removed: [Manifest], added: [Manifest]
    ) {
        struct GroupKey: Hashable {
            var group: String
            var kind: String
            var namespace: String?
        }
        func key(_ manifest: Manifest) -> GroupKey? {
            let identity = manifest.identity
            guard !identity.isGenerated else { return nil }
            return GroupKey(group: identity.group, kind: identity.kind, namespace: identity.namespace)
        }
        var addedByGroup: [GroupKey: [Int]] = [:]
        for (index, manifest) in added.enumerated() {
            if let key = key(manifest) { addedByGroup[key, default: []].append(index) }
        }
        var removedByGroup: [GroupKey: [Int]] = [:]
        var groupOrder: [GroupKey] = []
        for (index, manifest) in removed.enumerated() {
            guard let key = key(manifest), addedByGroup[key] != nil else { continue }
            if removedByGroup[key] == nil { groupOrder.append(key) }
            removedByGroup[key, default: []].append(index)
        }
        var pairs: [(Int, Int)] = []
        for group in groupOrder {
            pairs += pairGroup(removedByGroup[group] ?? [], addedByGroup[group] ?? [], removed, added)
        }
        let usedOld = Set(pairs.map(\.0))
        let usedNew = Set(pairs.map(\.1))
        return (
            pairs.map { (removed[$0.0], added[$0.1]) },
            removed.indices.filter { !usedOld.contains($0) }.map { removed[$0] },
            added.indices.filter { !usedNew.contains($0) }.map { added[$0] }
        )
    }

    private static func pairGroup(_ olds: [Int], _ news: [Int], _ removed: [Manifest], _ added: [Manifest]) -> [(
        Int, Int
    )] {
        let small = olds.count <= maxCandidates && news.count <= maxCandidates
        let oldTokens = small ? olds.map { tokens(removed[$0].node) } : []
        let newTokens = small ? news.map { tokens(added[$0].node) } : []
        let newBases = news.map { hashBase(added[$0].identity.name) }
        var scored: [(score: Double, old: Int, new: Int)] = []
        if small {
            for (i, old) in olds.enumerated() {
                let oldBase = hashBase(removed[old].identity.name)
                for (j, new) in news.enumerated() {
                    var score = similarity(oldTokens[i], newTokens[j])
                    if let oldBase, oldBase == newBases[j] { score += 1 }
                    if score >= minimumSimilarity { scored.append((score, old, new)) }
                }
            }
        } else {
            // A large group pairs on hash bases only, looked up by base: never every old object against every new.
            var newsByBase: [String: [Int]] = [:]
            for (j, base) in newBases.enumerated() { if let base { newsByBase[base, default: []].append(news[j]) } }
            for old in olds {
                guard let base = hashBase(removed[old].identity.name), let candidates = newsByBase[base] else { continue }
                for new in candidates { scored.append((1, old, new)) }
            }
        }
        // Best first; ties by input order, so the result never depends on dictionary order.
        scored.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            return lhs.old != rhs.old ? lhs.old < rhs.old : lhs.new < rhs.new
        }
        var takenOld = Set<Int>()
        var takenNew = Set<Int>()
        var pairs: [(Int, Int)] = []
        for candidate in scored where !takenOld.contains(candidate.old) && !takenNew.contains(candidate.new) {
            takenOld.insert(candidate.old)
            takenNew.insert(candidate.new)
            pairs.append((candidate.old, candidate.new))
        }
        return pairs.sorted { $0.0 < $1.0 }
    }

    /// The name without its kustomize hash suffix (`-` and ten characters of kustomize's hash alphabet), or nil.
    static func hashBase(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        guard bytes.count > 11, bytes[bytes.count - 11] == UInt8(ascii: "-") else { return nil }
        let alphabet = Set("bcdfghkmt2456789".utf8)
        var digits = 0
        for byte in bytes.suffix(10) {
            guard alphabet.contains(byte) else { return nil }
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { digits += 1 }
        }
        // A real hash has digits; a word such as "bookkeeper" of those letters alone does not count.
        guard digits > 0 else { return nil }
        return String(decoding: bytes.dropLast(11), as: UTF8.self)
    }

    /// Dice similarity of two token multisets: 1 when equal, 0 when nothing is shared.
    static func similarity(_ lhs: [String: Int], _ rhs: [String: Int]) -> Double {
        let total = lhs.values.reduce(0, +) + rhs.values.reduce(0, +)
        guard total > 0 else { return 0 }
        var shared = 0
        for (token, count) in lhs { shared += min(count, rhs[token] ?? 0) }
        return Double(2 * shared) / Double(total)
    }

    /// The object's content outside `apiVersion`, `kind` and `metadata` as leaf tokens (an object with nothing
    /// else, such as a ServiceAccount, has none, so it is never paired on content).
    static func tokens(_ root: YAMLNode) -> [String: Int] {
        var tokens: [String: Int] = [:]
        func walk(_ node: YAMLNode, _ path: String) {
            switch node.kind {
            case .scalar:
                let text = node.text ?? ""
                if text.utf8.contains(UInt8(ascii: "\n")) {
                    for line in text.split(separator: "\n") { tokens[path + "#" + line, default: 0] += 1 }
                } else {
                    tokens[path + "=" + text, default: 0] += 1
                }
            case .sequence:
                for item in node.items { walk(item, path + "[]") }
            case .mapping:
                for (key, value) in node.pairs {
                    let name = key.text ?? ""
                    if path.isEmpty, name == "metadata" || name == "apiVersion" || name == "kind" { continue }
                    walk(value, path + "." + name)
                }
            }
        }
        walk(root, "")
        return tokens
    }
}
