/// Line-wise set comparison of `nftables.nft` (kube-proxy's nftables mode): which chains, sets, rules and
/// map/set elements one side has and the other has not.
///
/// The file is a list of `add` commands that each name their table (`add element ip kube-proxy service-ips { … }`),
/// so a line stands on its own and is reported as written. Comment and blank lines are left out. A line counts
/// as added when the old file does not have it anywhere: rules keep kube-proxy's order in the file, but two
/// sides with the same lines program the same table. `add chain` and `add set` lines name the chains and sets
/// that appear or disappear, reported as `NAME (ip)` / `NAME (ip6)`; elements (a Service's `service-ips` entry,
/// a no-endpoint verdict) show up as the lines themselves.
enum NFTablesLines {
    /// One meaningful line, a slice of the file's bytes.
    struct Line: RuleFileLine {
        var text: ArraySlice<UInt8>

        static func == (lhs: Line, rhs: Line) -> Bool {
            lhs.text.count == rhs.text.count && lhs.text.elementsEqual(rhs.text)
        }

        func hash(into hasher: inout Hasher) { text.withUnsafeBytes { hasher.combine(bytes: $0) } }

        /// `add chain …` or `add set …`: a declaration.
        var declares: Bool { text.starts(with: "add chain ".utf8) || text.starts(with: "add set ".utf8) }

        /// `NAME (FAMILY)` of a declaration: words 4 and 3 of `add chain FAMILY kube-proxy NAME …`.
        var declaredName: String {
            let words = text.split(separator: UInt8(ascii: " "), maxSplits: 5, omittingEmptySubsequences: true)
            guard words.count >= 5 else { return String(decoding: text, as: UTF8.self) }
            return String(decoding: words[4], as: UTF8.self) + " (" + String(decoding: words[2], as: UTF8.self) + ")"
        }

        var rendered: String { String(decoding: text, as: UTF8.self) }
        var declaredChain: String? { declares ? declaredName : nil }
    }

    /// The difference of one node's `nftables.nft`, nil when both sides have the same lines.
    static func compare(node: String, file: String, old: [UInt8], new: [UInt8], keepLines: Bool) -> RuleFileChange? {
        RuleFileChange.between(lines(old), lines(new), node: node, file: file, keepLines: keepLines)
    }

    /// The file's lines without comments and blanks, trimmed, in file order.
    static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let line = RuleLines.trimmed(bytes[start..<end])
            start = end + 1
            guard let first = line.first, first != UInt8(ascii: "#") else { continue }
            result.append(Line(text: line))
        }
        return result
    }
}
