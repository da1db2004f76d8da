import KubeModel

/// The part of the table that does not depend on Services (kube-proxy `setupNFTables`): base chains on the
/// netfilter hooks, the jumps into kube-proxy's own chains, masquerading, the dispatch and check chains, and the
/// sets and maps the per-service elements go into.
///
/// Base chains follow the current proxier: the firewall check runs before DNAT (`filter-prerouting-pre-dnat`,
/// `filter-output-pre-dnat`, priority -110), the endpoint and ClusterIP checks at filter priority (0, after DNAT,
/// so DNATed traffic to a Service is never rejected), NAT at -100/100.
struct NFTablesFixedChains {
    /// `--masquerade-bit` as written (`0x00004000` or `0x4000`).
    var mark: String
    /// The family's Service CIDRs (`cluster-ips-check` drops traffic to unallocated ClusterIPs in them).
    var serviceCIDRs: [CIDR]
    /// `nodeport-ips` elements, nil when NodePorts answer on every local address.
    var nodePortIPs: [IPAddress]?

    func write(into table: inout NFTablesTable) {
        let ipX = table.ipX
        let addressType = table.addressType
        let noLocalhost = table.family == .v4 ? "ip daddr != 127.0.0.0/8" : "ip6 daddr != ::1"

        let baseChains: [(String, String)] = [
            ("filter-prerouting-pre-dnat", "{ type filter hook prerouting priority -110 ; }"),
            ("filter-output-pre-dnat", "{ type filter hook output priority -110 ; }"),
            ("filter-forward", "{ type filter hook forward priority 0 ; }"),
            ("filter-input", "{ type filter hook input priority 0 ; }"),
            ("filter-output", "{ type filter hook output priority 0 ; }"),
            ("nat-prerouting", "{ type nat hook prerouting priority -100 ; }"),
            ("nat-output", "{ type nat hook output priority -100 ; }"),
            ("nat-postrouting", "{ type nat hook postrouting priority 100 ; }"),
        ]
        for (name, spec) in baseChains { table.chain(name, spec: spec) }

        // Jumps from the base chains, in kube-proxy's list order (each base chain keeps its own order).
        let jumps: [(to: String, from: String, condition: String)] = [
            ("nodeport-endpoints-check", "filter-input", "ct state new "),
            ("service-endpoints-check", "filter-input", "ct state new "),
            ("service-endpoints-check", "filter-forward", "ct state new "),
            ("service-endpoints-check", "filter-output", "ct state new "),
            ("firewall-check", "filter-prerouting-pre-dnat", "ct state new "),
            ("firewall-check", "filter-output-pre-dnat", "ct state new "),
            ("services", "nat-output", ""),
            ("services", "nat-prerouting", ""),
            ("masquerading", "nat-postrouting", ""),
            ("cluster-ips-check", "filter-forward", "ct state new "),
            ("cluster-ips-check", "filter-output", "ct state new "),
        ]
        for jump in jumps {
            table.chain(jump.to)
            table.rule(jump.from, jump.condition + "jump " + jump.to)
        }
        for name in ["services", "cluster-ips-check", "masquerading", "mark-for-masquerade"] { table.chain(name) }

        table.rule("mark-for-masquerade", "mark set mark or " + mark)
        table.rule("masquerading", "mark and " + mark + " == 0 return")
        table.rule("masquerading", "mark set mark xor " + mark)
        table.rule("masquerading", "masquerade fully-random")

        table.set("cluster-ips", "{ type " + addressType + " ; comment \"Active ClusterIPs\" ; }")
        table.rule(
            "cluster-ips-check",
            ipX + " daddr @cluster-ips reject comment \"Reject traffic to invalid ports of ClusterIPs\"")
        if !serviceCIDRs.isEmpty {
            let list = serviceCIDRs.map(\.description).joined(separator: ",")
            table.rule(
                "cluster-ips-check",
                ipX + " daddr { " + list + " } drop comment \"Drop traffic to unallocated ClusterIPs\"")
        }

        if let nodePortIPs {
            table.set("nodeport-ips", "{ type " + addressType + " ; comment \"IPs that accept NodePort traffic\" ; }")
            for address in nodePortIPs { table.element("nodeport-ips", address.description) }
        }

        let serviceKey = addressType + " . inet_proto . inet_service : verdict"
        table.map(
            "no-endpoint-services",
            "{ type " + serviceKey + " ; comment \"vmap to drop or reject packets to services with no endpoints\" ; }")
        table.map(
            "no-endpoint-nodeports",
            "{ type inet_proto . inet_service : verdict ; comment \"vmap to drop or reject packets to service nodeports with no endpoints\" ; }"
        )
        table.chain("reject-chain", spec: "{ comment \"helper for @no-endpoint-services / @no-endpoint-nodeports\" ; }")
        table.rule("reject-chain", "reject")
        table.rule(
            "service-endpoints-check", ipX + " daddr . meta l4proto . th dport vmap @no-endpoint-services")
        let nodePortMatch = nodePortIPs == nil ? noLocalhost : ipX + " daddr @nodeport-ips"
        table.rule("nodeport-endpoints-check", nodePortMatch + " meta l4proto . th dport vmap @no-endpoint-nodeports")

        table.map(
            "firewall-ips",
            "{ type " + serviceKey + " ; comment \"destinations that are subject to LoadBalancerSourceRanges\" ; }")
        table.chain("firewall-check")
        table.rule("firewall-check", ipX + " daddr . meta l4proto . th dport vmap @firewall-ips")

        table.map(
            "service-ips",
            "{ type " + serviceKey + " ; comment \"ClusterIP, ExternalIP and LoadBalancer IP traffic\" ; }")
        table.map("service-nodeports", "{ type inet_proto . inet_service : verdict ; comment \"NodePort traffic\" ; }")
        table.rule("services", ipX + " daddr . meta l4proto . th dport vmap @service-ips")
        let nodePortDispatch =
            nodePortIPs == nil ? "fib daddr type local " + noLocalhost : ipX + " daddr @nodeport-ips"
        table.rule("services", nodePortDispatch + " meta l4proto . th dport vmap @service-nodeports")
    }
}
