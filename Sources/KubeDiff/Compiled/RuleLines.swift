/// Line-wise set comparison of `iptables-restore` files (`iptables.rules`, `policy.rules`) and `ipset restore`
/// files (`policy.ipset`: a new pod changes which sets its IP is in, often without changing a single rule).
///
/// Comment lines (the generated header, `# jump:` notes), blank lines and `COMMIT` are left out. Each other
/// line is read in its table (`*nat`, `*filter`) and reported as an `iptables` command would name it: a chain
/// declaration `:KUBE-SEP-X - [0:0]` becomes `-t nat -N KUBE-SEP-X`, a rule `-A …` becomes `-t nat -A …`.
/// kube-proxy rewrites a whole table on each sync, so rule order inside a chain is kept by the emitter and
/// not compared here: a line counts as added when the old file does not have it anywhere in that table. An ipset
/// file has no tables: its lines (`create SET …`, `add SET MEMBER`) are reported as written, and the sets it
/// creates take the place of chains.
///
/// A node of a large cluster has tens of thousands of lines per file, so lines are compared as byte slices of
/// the file and only the reported ones become `String`s (and only when lines are kept, `--verbose`).
enum RuleLines {
    /// The per-node files compared.
    static let files: Set<String> = [
        "iptables.rules", "ip6tables.rules", "policy.rules", "policy6.rules", "policy.ipset", "nftables.nft",
    ]

    /// One meaningful line: its table (empty in an ipset file) and its text, both slices of the file's bytes.
    struct Line: RuleFileLine {
        var table: ArraySlice<UInt8>
        var text: ArraySlice<UInt8>

        static func == (lhs: Line, rhs: Line) -> Bool {
            lhs.text.count == rhs.text.count && lhs.text.elementsEqual(rhs.text) && lhs.table.elementsEqual(rhs.table)
        }

        func hash(into hasher: inout Hasher) {
            text.withUnsafeBytes { hasher.combine(bytes: $0) }
            table.withUnsafeBytes { hasher.combine(bytes: $0) }
        }

        /// A chain declaration (`:NAME - [0:0]`), or an ipset's `create NAME …`.
        var isChain: Bool {
            table.isEmpty ? text.starts(with: "create ".utf8) : text.first == UInt8(ascii: ":")
        }

        /// The chain or set a declaration names.
        var chainName: String {
            let name = table.isEmpty ? text.dropFirst("create ".utf8.count) : text.dropFirst()
            return String(decoding: name.prefix { $0 != UInt8(ascii: " ") }, as: UTF8.self)
        }

        /// `-t TABLE -N CHAIN` or `-t TABLE RULE`; an ipset line as written.
        var rendered: String {
            if table.isEmpty { return String(decoding: text, as: UTF8.self) }
            let table = String(decoding: table, as: UTF8.self)
            if isChain { return "-t \(table) -N \(chainName)" }
            return "-t \(table) " + String(decoding: text, as: UTF8.self)
        }

        var declaredChain: String? { isChain ? RuleLines.chain(self) : nil }
    }

    /// The difference of one node's file, nil when the two have the same lines.
    ///
    /// Without `keepLines` only the counts and chain names are kept.
    static func compare(
        node: String, file: String, old: [UInt8], new: [UInt8], keepLines: Bool = true
    ) -> RuleFileChange? {
        if file == "nftables.nft" { return NFTablesLines.compare(node: node, file: file, old: old, new: new, keepLines: keepLines) }
        let tables = !file.hasSuffix(".ipset")
        return RuleFileChange.between(
            lines(old, tables: tables), lines(new, tables: tables), node: node, file: file, keepLines: keepLines)
    }

    /// `CHAIN (table)`, or a set's name.
    static func chain(_ line: Line) -> String {
        line.table.isEmpty ? line.chainName : "\(line.chainName) (\(String(decoding: line.table, as: UTF8.self)))"
    }

    /// The meaningful lines of a restore file with their tables (`tables: false`: an ipset file, no tables),
    /// in file order.
    static func lines(_ bytes: [UInt8], tables: Bool = true) -> [Line] {
        let newline = UInt8(ascii: "\n")
        let filter = ArraySlice(Array("filter".utf8))
        var table = tables ? filter : filter[filter.startIndex..<filter.startIndex]
        var result: [Line] = []
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: newline) ?? bytes.endIndex
            let line = trimmed(bytes[start..<end])
            start = end + 1
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            if tables, first == UInt8(ascii: "*") {
                table = line.dropFirst()
            } else if !tables || !line.elementsEqual("COMMIT".utf8) {
                result.append(Line(table: table, text: line))
            }
        }
        return result
    }

    /// A line without leading and trailing spaces, tabs and carriage returns.
    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        guard let first = line.firstIndex(where: { !isSpace($0) }), let last = line.lastIndex(where: { !isSpace($0) })
        else { return line[line.startIndex..<line.startIndex] }
        return line[first...last]
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
