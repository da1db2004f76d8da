/// Line-wise set comparison of `iptables-restore` files (`iptables.rules`, `policy.rules`).
///
/// Comment lines (the generated header, `# jump:` notes), blank lines and `COMMIT` are left out. Each other
/// line is read in its table (`*nat`, `*filter`), written as an `iptables` command would name it: a chain
/// declaration `:KUBE-SEP-X - [0:0]` becomes `-t nat -N KUBE-SEP-X`, a rule `-A …` becomes `-t nat -A …`.
/// kube-proxy rewrites a whole table on each sync, so rule order inside a chain is kept by the emitter and
/// not compared here: a line counts as added when the old file does not have it anywhere in that table.
enum RuleLines {
    /// The per-node files compared.
    static let files: Set<String> = ["iptables.rules", "policy.rules"]

    /// The difference of one node's file, nil when the two have the same lines.
    static func compare(node: String, file: String, old: String, new: String) -> RuleFileChange? {
        let before = lines(old)
        let after = lines(new)
        let oldSet = Set(before)
        let newSet = Set(after)
        let added = unique(after.filter { !oldSet.contains($0) })
        let removed = unique(before.filter { !newSet.contains($0) })
        guard !added.isEmpty || !removed.isEmpty else { return nil }
        return RuleFileChange(
            node: node, file: file, added: added, removed: removed, chainsAdded: added.compactMap(chain),
            chainsRemoved: removed.compactMap(chain))
    }

    /// The meaningful lines of a restore file, each prefixed by its table.
    static func lines(_ text: String) -> [String] {
        var table = "filter"
        var result: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") || line == "COMMIT" { continue }
            if line.hasPrefix("*") {
                table = String(line.dropFirst())
            } else if line.hasPrefix(":") {
                let name = line.dropFirst().prefix { $0 != " " }
                result.append("-t \(table) -N \(name)")
            } else {
                result.append("-t \(table) \(line)")
            }
        }
        return result
    }

    /// `CHAIN (table)` for a chain declaration line.
    static func chain(_ line: String) -> String? {
        let words = line.split(separator: " ")
        guard words.count == 4, words[2] == "-N" else { return nil }
        return "\(words[3]) (\(words[1]))"
    }

    /// The lines in order, each once.
    static func unique(_ lines: [String]) -> [String] {
        var seen: Set<String> = []
        return lines.filter { seen.insert($0).inserted }
    }
}

/// Record-wise set comparison of zone files: comments, blank lines and the SOA serial are left out (the
/// serial is a hash of the records, so it changes whenever anything else does).
enum ZoneLines {
    static func compare(zone: String, old: String, new: String) -> ZoneChange? {
        let before = records(old)
        let after = records(new)
        let oldSet = Set(before)
        let newSet = Set(after)
        let added = RuleLines.unique(after.filter { !oldSet.contains($0) })
        let removed = RuleLines.unique(before.filter { !newSet.contains($0) })
        guard !added.isEmpty || !removed.isEmpty else { return nil }
        return ZoneChange(zone: zone, added: added, removed: removed)
    }

    /// The zone's lines without comments, with whitespace runs as one tab and the SOA serial dropped.
    static func records(_ text: String) -> [String] {
        var result: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix(";") { continue }
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            // owner TTL IN SOA mname rname SERIAL refresh retry expire minimum
            if words.count >= 7, words[3] == "SOA" { words.remove(at: 6) }
            result.append(words.joined(separator: "\t"))
        }
        return result
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let start = firstIndex { $0 != " " && $0 != "\t" && $0 != "\r" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" && $0 != "\r" }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
