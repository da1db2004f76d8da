import KubeModel
import KubePlan

/// One ipset a policy rule matches against: pod IPs (`hash:ip`) or CIDRs with exceptions (`hash:net`).
struct PolicyIPSet: Hashable, Comparable {
    enum Entries: Hashable {
        case addresses([IPAddress])
        case networks(include: [CIDR], exclude: [CIDR])
    }

    var name: String
    var isV6: Bool
    var entries: Entries
    var comment: String

    static func < (lhs: PolicyIPSet, rhs: PolicyIPSet) -> Bool { lhs.name < rhs.name }

    /// `create`, `flush` and `add` lines for `ipset restore` (re-loadable with `ipset -exist restore`).
    func write(to output: inout String) {
        let family = isV6 ? "inet6" : "inet"
        switch entries {
        case .addresses(let addresses):
            output += "create \(name) hash:ip family \(family) hashsize 1024 maxelem 65536 comment\n"
            output += "flush \(name)\n"
            for address in addresses.sorted() {
                output += "add \(name) \(address) comment \"\(comment)\"\n"
            }
        case .networks(let include, let exclude):
            output += "create \(name) hash:net family \(family) hashsize 1024 maxelem 65536 comment\n"
            output += "flush \(name)\n"
            for network in include.flatMap(PolicyIPSet.splitZero).sorted() {
                output += "add \(name) \(network) comment \"\(comment)\"\n"
            }
            for network in exclude.sorted() {
                output += "add \(name) \(network) comment \"\(comment) except\" nomatch\n"
            }
        }
    }

    /// hash:net cannot hold a /0: split it into two halves, as kube-router does.
    static func splitZero(_ cidr: CIDR) -> [CIDR] {
        guard cidr.prefixLength == 0 else { return [cidr] }
        if cidr.isV4 {
            return [CIDR(network: .v4(0), prefixLength: 1), CIDR(network: .v4(0x8000_0000), prefixLength: 1)]
        }
        return [CIDR(network: .v6(0, 0), prefixLength: 1), CIDR(network: .v6(0x8000_0000_0000_0000, 0), prefixLength: 1)]
    }
}
