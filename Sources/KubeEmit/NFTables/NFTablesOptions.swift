import KubeModel
import KubePlan

/// How kube-proxy in nftables mode was configured on the nodes, for the parts of `nftables.nft` that depend on
/// flags rather than on the cluster.
///
/// Defaults describe a current kubeadm node: `--detect-local-mode=ClusterCIDR` with the cluster's pod CIDR of the
/// family, `nodePortAddresses` unset (which nftables mode reads as `primary`: NodePorts answer on the node's own
/// IP of each family only), the Service CIDRs from the Cluster settings, mark `1 << masqueradeBit` spelled as
/// kube-proxy spells it (`0x00004000`).
package struct NFTablesOptions: Sendable, Hashable {
    /// Where NodePorts answer (kube-proxy `nodePortAddresses`).
    package enum NodePortAddresses: Sendable, Hashable {
        /// kube-proxy's nftables default (`primary`): the node's first address of the family, in `@nodeport-ips`.
        case primary
        /// Every local address (`fib daddr type local`, loopback excluded); `nodeport-ips` is not created.
        case all
        /// The node's addresses inside these prefixes (loopback skipped, as kube-proxy logs and skips it).
        case cidrs([CIDR])
    }

    /// One family (`.v4`: `table ip kube-proxy`, `.v6`: `table ip6 kube-proxy`); nil writes IPv4 and, when the
    /// cluster uses IPv6 addresses, IPv6 too, as kube-proxy's dual-stack meta-proxier does.
    package var family: IPFamily?
    /// Only these nodes (by name); nil for every node.
    package var nodes: Set<String>?
    /// How the masquerade mark is spelled (the bit comes from the Cluster settings).
    package var markStyle: IPTablesOptions.MarkStyle = .kubeProxy
    /// Nil: ClusterCIDR mode with the settings' first cluster CIDR of the family (none without one).
    package var localDetector: IPTablesOptions.LocalDetector?
    /// kube-proxy `nodePortAddresses`.
    package var nodePortAddresses: NodePortAddresses = .primary
    /// Nil: the Cluster settings' Service CIDRs of the family (the `cluster-ips-check` drop rule).
    package var serviceCIDRs: [CIDR]?
    /// Comment lines at the top: the node, how to load and how to flush the file.
    package var header = true

    /// The defaults described above.
    package init() {}

    /// The settings of `NewFakeProxier` in kube-proxy's nftables `proxier_test.go`: mark `0x4000`, pod CIDR
    /// `10.0.0.0/8` (`fd00:10::/64`), Service CIDR `172.30.0.0/16` (`fd00:10:96::/112`), NodePorts on
    /// `192.168.0.2/32` and `2001:db8::1/128` only, no header.
    package static func kubeProxyUnitTest(_ family: IPFamily = .v4) -> NFTablesOptions {
        var options = NFTablesOptions()
        options.family = family
        options.markStyle = .short
        options.localDetector = CIDR(family == .v4 ? "10.0.0.0/8" : "fd00:10::/64").map { .clusterCIDR($0) }
        options.serviceCIDRs = [CIDR(family == .v4 ? "172.30.0.0/16" : "fd00:10:96::/112")].compactMap { $0 }
        options.nodePortAddresses = .cidrs(
            [CIDR("192.168.0.2/32"), CIDR("2001:db8::1/128")].compactMap { $0 })
        options.header = false
        return options
    }

    /// The families to write for `state`.
    func families(_ state: ClusterState) -> [IPFamily] {
        if let family { return [family] }
        return IPFamily.allCases.filter { $0 == .v4 || state.uses($0) }
    }

    /// The `nodeport-ips` elements for a node, nil when NodePorts answer on every local address.
    func nodePortIPs(_ node: NodeState, _ family: IPFamily) -> [IPAddress]? {
        switch nodePortAddresses {
        case .all:
            return nil
        case .primary:
            return node.addresses.first(where: family.contains).map { [$0] } ?? []
        case .cidrs(let cidrs):
            let inFamily = cidrs.filter { family.contains($0.network) }
            return node.addresses.filter { address in
                family.contains(address) && !address.isLoopback && inFamily.contains { $0.contains(address) }
            }
        }
    }
}

extension IPAddress {
    /// 127.0.0.0/8 or ::1.
    var isLoopback: Bool {
        switch self {
        case .v4(let value): value >> 24 == 127
        case .v6(let high, let low): high == 0 && low == 1
        }
    }
}
