import KubeModel
import KubePlan

/// How kube-proxy was configured on the nodes, for the parts of its output that depend on flags and on what the
/// node's kernel and iptables binary support.
///
/// Defaults describe a kubeadm cluster on a current node: `--detect-local-mode=ClusterCIDR` with the cluster's
/// pod CIDR, `localhostNodePorts: true`, all local addresses for NodePorts, `--random-fully` supported. nfacct
/// counters are off by default because a node (or test namespace) without the counter objects rejects rules
/// naming them; turn `nfacctCounters` on to get the `-m nfacct` forms kube-proxy writes when it could create
/// them (the form in kube-proxy's own unit tests).
package struct IPTablesOptions: Sendable, Hashable {
    /// How the masquerade mark literal is spelled.
    package enum MarkStyle: Sendable, Hashable {
        /// `0x00004000`: Go `fmt.Sprintf("%#08x", 1<<bit)`, what a running kube-proxy writes.
        case kubeProxy
        /// `0x4000`: the literal kube-proxy's unit tests inject (`masqueradeMark: "0x4000"`).
        case short
    }

    /// Which local traffic counts as "from a pod" (kube-proxy `--detect-local-mode`).
    package enum LocalDetector: Sendable, Hashable {
        /// `-s CIDR` / `! -s CIDR`.
        case clusterCIDR(CIDR)
        /// No detector: the cluster-IP masquerade rule and the EXT "pod traffic" rule are left out.
        case disabled
    }

    /// Where NodePorts answer (kube-proxy `--nodeport-addresses`).
    package enum NodePortAddresses: Sendable, Hashable {
        /// Unset: every local address (`-m addrtype --dst-type LOCAL`).
        case all
        /// Only node addresses inside these prefixes: one `-d NODEIP` jump each.
        case cidrs([CIDR])
    }

    /// The proxier's IP family: `.v4` writes `iptables.rules`, `.v6` `ip6tables.rules`; each holds only its
    /// family's Service and endpoint addresses, as kube-proxy's per-family proxiers do.
    package var family: IPFamily = .v4
    /// Only these nodes (by name); nil for every node.
    package var nodes: Set<String>?
    /// How the masquerade mark is spelled (the bit comes from the Cluster settings).
    package var markStyle: MarkStyle = .kubeProxy
    /// Nil: ClusterCIDR mode with the settings' first cluster CIDR of the proxier's family, or none without one.
    package var localDetector: LocalDetector?
    /// `--nodeport-addresses`.
    package var nodePortAddresses: NodePortAddresses = .all
    /// `--iptables-localhost-nodeports`: NodePorts on 127.0.0.1 and the KUBE-FIREWALL martian rule.
    package var localhostNodePorts = true
    /// `--random-fully` on the MASQUERADE rule (iptables ≥ 1.6.2).
    package var randomFully = true
    /// Whether the `ct_state_invalid_dropped_pkts` / `localhost_nps_accepted_pkts` nfacct counters exist.
    package var nfacctCounters = false
    /// sysctl `nf_conntrack_tcp_be_liberal=1` leaves out the INVALID drop rule.
    package var conntrackTCPLiberal = false
    /// Above this many endpoints kube-proxy drops comments from endpoint rules ("large cluster mode").
    package var largeClusterEndpointsThreshold = 1000
    /// Comment lines at the top: the node, how to load the file, and the built-in chain jumps kube-proxy ensures.
    package var header = true

    /// The defaults described above.
    package init() {}

    /// `localhostNodePorts` as kube-proxy applies it: forced off when `nodePortAddresses` lists CIDRs none of
    /// which contains 127.0.0.1 (`NewProxier`: `if !nodePortAddresses.ContainsIPv4Loopback()`).
    var effectiveLocalhostNodePorts: Bool {
        // kube-proxy honours localhost NodePorts in the IPv4 proxier only (route_localnet has no IPv6 twin).
        guard localhostNodePorts, family == .v4 else { return false }
        switch nodePortAddresses {
        case .all: return true
        case .cidrs(let cidrs): return cidrs.contains { $0.contains(.v4(0x7F00_0001)) }
        }
    }

    /// The options matching `NewFakeProxier` in kube-proxy's `proxier_test.go` (mark `0x4000`, nfacct counters
    /// present, no `--random-fully`, pod CIDR `10.0.0.0/8`), for reproducing its test vectors.
    package static var kubeProxyUnitTest: IPTablesOptions {
        var options = IPTablesOptions()
        options.markStyle = .short
        options.randomFully = false
        options.nfacctCounters = true
        options.localDetector = CIDR("10.0.0.0/8").map { .clusterCIDR($0) }
        options.header = false
        return options
    }
}
