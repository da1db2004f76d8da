import KubeModel

/// One `table ip|ip6 kube-proxy` being assembled: chains with their rules, sets, maps and elements, written out
/// in the form of knftables' `Fake.Dump()` — the state kube-proxy leaves after a full sync, as `nft -f` input.
///
/// Order (declare before use, as `nft -f` needs): the table, every chain, every set, every map, then each chain's
/// rules, then the elements. Chains, sets and maps go by the byte order of their names; rules keep the order
/// kube-proxy adds them in; elements are sorted by container, then text, and de-duplicated. After kube-proxy's
/// `sortNFTablesTransaction` this text equals its tests' expected text.
struct NFTablesTable: Sendable {
    /// One chain and the rules kube-proxy adds to it, in order.
    struct Chain: Sendable {
        var name: String
        /// `{ type … hook … priority … ; }` or `{ comment "…" ; }`, empty for a regular chain.
        var spec: String = ""
        var rules: [String] = []
    }

    let family: IPFamily
    private(set) var chains: [Chain] = []
    private var chainIndex: [String: Int] = [:]
    /// Set and map declarations: name → `{ type … ; }`.
    private(set) var sets: [(name: String, spec: String)] = []
    private(set) var maps: [(name: String, spec: String)] = []
    /// Container name → element bodies (`{ … }`).
    private(set) var elements: [String: [String]] = [:]

    init(family: IPFamily) { self.family = family }

    /// `ip` or `ip6`: the table family, and the payload keyword in rules.
    var ipX: String { family == .v4 ? "ip" : "ip6" }
    /// `ipv4_addr` or `ipv6_addr`.
    var addressType: String { family == .v4 ? "ipv4_addr" : "ipv6_addr" }

    /// Declares a chain (kube-proxy `ensureChain`); declaring it again changes nothing.
    mutating func chain(_ name: String, spec: String = "") {
        if chainIndex[name] != nil { return }
        chainIndex[name] = chains.count
        chains.append(Chain(name: name, spec: spec))
    }

    /// Appends a rule to a declared chain (declaring it if needed).
    mutating func rule(_ chainName: String, _ text: String) {
        if chainIndex[chainName] == nil { chain(chainName) }
        if let index = chainIndex[chainName] { chains[index].rules.append(text) }
    }

    mutating func set(_ name: String, _ spec: String) { sets.append((name, spec)) }
    mutating func map(_ name: String, _ spec: String) { maps.append((name, spec)) }

    /// An element: `key`, or `key : value`, with an optional comment after the key (as knftables writes it).
    mutating func element(_ container: String, _ key: String, value: String? = nil, comment: String? = nil) {
        var body = "{ " + key
        if let comment { body += " comment \"" + comment + "\"" }
        if let value { body += " : " + value }
        body += " }"
        elements[container, default: []].append(body)
    }

    /// Adds everything `other` holds (a part rendered on another core); rules of a chain both hold follow this
    /// table's.
    mutating func absorb(_ other: NFTablesTable) {
        for chain in other.chains {
            if let index = chainIndex[chain.name] {
                chains[index].rules += chain.rules
            } else {
                chainIndex[chain.name] = chains.count
                chains.append(chain)
            }
        }
        sets += other.sets
        maps += other.maps
        for (container, bodies) in other.elements { elements[container, default: []] += bodies }
    }

    /// Whether a chain of this name was declared.
    func hasChain(_ name: String) -> Bool { chainIndex[name] != nil }

    /// The `add …` lines, in the order described above.
    func write(to out: inout ByteBuffer) {
        let prefix = " " + ipX + " kube-proxy "
        out.append("add table " + ipX + " kube-proxy { comment \"rules for kube-proxy\" ; }\n")
        let chainOrder = chains.indices.sorted { chains[$0].name.utf8.lexicographicallyPrecedes(chains[$1].name.utf8) }
        for index in chainOrder {
            out.append("add chain")
            out.append(prefix)
            out.append(chains[index].name)
            if !chains[index].spec.isEmpty {
                out.append(byte: 32)
                out.append(chains[index].spec)
            }
            out.append(byte: 10)
        }
        for (name, spec) in sets.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) {
            out.append("add set" + prefix + name + " " + spec + "\n")
        }
        for (name, spec) in maps.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) {
            out.append("add map" + prefix + name + " " + spec + "\n")
        }
        for index in chainOrder {
            let head = "add rule" + prefix + chains[index].name + " "
            for rule in chains[index].rules {
                out.append(head)
                out.append(rule)
                out.append(byte: 10)
            }
        }
        for container in elements.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let head = "add element" + prefix + container + " "
            var previous: String?
            for body in (elements[container] ?? []).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                if body == previous { continue }
                previous = body
                out.append(head)
                out.append(body)
                out.append(byte: 10)
            }
        }
    }
}
