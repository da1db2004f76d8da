import KubeModel
import KubePlan

/// kube-proxy's IPVS mode, node by node: `ipvs.rules` (`ipvsadm -R` input), `ipset.rules` (`ipset restore`
/// input), `ipvs-iptables.rules` (the iptables rules IPVS mode keeps) and `ipvs-setup.sh` (the `kube-ipvs0`
/// dummy interface and its addresses).
///
/// Virtual servers are listed in `ipvsadm -S -n` order (protocol, address, port) with real servers sorted by
/// address and port, so a file compares equal to a live node's `ipvsadm -S -n`. Clusters with IPv6 addresses
/// get the IPv6 proxier's part too (dual stack).
package struct IPVSEmitter: Sendable {
    /// kube-proxy flags that shape IPVS output.
    package struct Options: Sendable, Hashable {
        /// Only these nodes (by name); nil for every node.
        package var nodes: Set<String>?
        /// `--ipvs-scheduler`; nil takes the Cluster settings (default `rr`).
        package var scheduler: String?
        /// How the masquerade mark is spelled.
        package var markStyle: IPTablesOptions.MarkStyle = .kubeProxy
        /// Nil: ClusterCIDR mode with each proxier's cluster CIDR of its family.
        package var localDetector: IPTablesOptions.LocalDetector?
        /// `--random-fully` on the MASQUERADE rule.
        package var randomFully = true
        /// Comment lines at the top of ipvs-iptables.rules (node, how to load, built-in jumps).
        package var header = true

        /// kube-proxy's defaults.
        package init() {}
    }

    /// kube-proxy flags for IPVS mode.
    package var options: Options
    /// Whether the caller admitted the state already (`CompileOutputs` admits once for every emitter), so that
    /// `emit` does not run the same checks again.
    var inputAdmitted = false

    /// An emitter with the given options.
    package init(options: Options = Options()) {
        self.options = options
    }

    /// Four files per selected node (five when the cluster has IPv6 addresses: the IPv6 proxier's
    /// `ipvs-ip6tables.rules`), nodes in name order. Both families' virtual servers share `ipvs.rules` (one
    /// kernel table) and their sets `ipset.rules` (the IPv6 ones named `KUBE-6-…`).
    package func emit(_ state: ClusterState) -> [OutputFile] {
        let state = inputAdmitted ? state : DataplaneInputGuard.admit(state).state
        let families = IPFamily.allCases.filter { $0 == .v4 || state.uses($0) }
        let plans = families.map { ServicePortPlan.plans(for: state, family: $0) }
        let scheduler =
            options.scheduler ?? (state.settings.ipvsScheduler.isEmpty ? "rr" : state.settings.ipvsScheduler)
        let mark = IPTablesEmitter.markText(bit: state.settings.masqueradeBit, style: options.markStyle)
        let nodes = state.nodes.filter { options.nodes?.contains($0.name) ?? true }.sorted { $0.name < $1.name }
        var files: [OutputFile] = []
        for node in nodes {
            let models = zip(families, plans).map { family, plans in
                (family, IPVSNodeModel(plans: plans, node: node, family: family))
            }
            let folder = "nodes/\(node.name)/"
            files.append(OutputFile(path: folder + "ipvs.rules", text: ipvsadmRules(models.map(\.1), scheduler: scheduler)))
            files.append(OutputFile(path: folder + "ipset.rules", text: models.map { ipsetRules($1, family: $0) }.joined()))
            for (family, model) in models {
                let iptables = IPVSIPTablesWriter(
                    model: model, mark: mark, localCIDR: localCIDR(state, family),
                    masqueradeAll: state.settings.masqueradeAll, randomFully: options.randomFully, family: family)
                files.append(
                    OutputFile(
                        path: folder + IPVSIPTablesWriter.fileName(family),
                        text: iptables.render(header: options.header ? node.name : nil)))
            }
            files.append(
                OutputFile(path: folder + "ipvs-setup.sh", text: setupScript(models.map(\.1), node: node), executable: true))
        }
        return files
    }

    /// The local-traffic detector's CIDR for a family's proxier.
    func localCIDR(_ state: ClusterState, _ family: IPFamily) -> String? {
        switch options.localDetector {
        case .some(.clusterCIDR(let cidr)): cidr.description
        case .some(.disabled): nil
        case nil: state.settings.clusterCIDRs.first { family.contains($0.network) }?.description
        }
    }

    /// `-A -t VIP:PORT -s SCHED [-p TIMEOUT]` per virtual server, then its `-a … -r RIP:RPORT -m -w 1` lines;
    /// IPv4 servers first, as ipvsadm lists them by address family; IPv6 addresses in brackets.
    func ipvsadmRules(_ models: [IPVSNodeModel], scheduler: String) -> String {
        var out = ""
        for model in models { out += ipvsadmRules(model, scheduler: scheduler) }
        return out
    }

    /// `ADDRESS:PORT`, `[ADDRESS]:PORT` for IPv6.
    static func hostPort(_ address: IPAddress, _ port: Int) -> String {
        address.isV4 ? "\(address):\(port)" : "[\(address)]:\(port)"
    }

    /// One family's virtual servers in ipvsadm's order: protocol, address, port.
    func ipvsadmRules(_ model: IPVSNodeModel, scheduler: String) -> String {
        let servers = model.virtualServers.sorted {
            let (left, right) = (IPVSNodeModel.protocolNumber($0.proto), IPVSNodeModel.protocolNumber($1.proto))
            if left != right { return left < right }
            if $0.address != $1.address { return $0.address < $1.address }
            return $0.port < $1.port
        }
        var out = ""
        var seen = Set<String>()
        for server in servers {
            let flag =
                switch server.proto {
                case .tcp: "-t"
                case .udp: "-u"
                case .sctp: "--sctp-service"
                }
            let service = "\(flag) \(Self.hostPort(server.address, server.port))"
            guard seen.insert(service).inserted else { continue }
            out += "-A \(service) -s \(scheduler)"
            if scheduler == "mh" { out += " -b mh-port" }
            if let timeout = server.persistence { out += " -p \(timeout)" }
            out += "\n"
            let reals = server.realServers.sorted {
                $0.address != $1.address ? $0.address < $1.address : $0.port < $1.port
            }
            var seenReal = Set<String>()
            for real in reals where seenReal.insert(Self.hostPort(real.address, real.port)).inserted {
                out += "-a \(service) -r \(Self.hostPort(real.address, real.port)) -m -w 1\n"
            }
        }
        return out
    }

    /// `create SET TYPE … -exist` for every set a family's proxier ensures, then `add SET ENTRY -exist` per member.
    func ipsetRules(_ model: IPVSNodeModel, family: IPFamily = .v4) -> String {
        var out = ""
        for set in IPSetName.allCases {
            out += "create \(set.name(family)) \(set.createOptions(family)) -exist\n"
        }
        for set in IPSetName.allCases {
            for member in model.sets.sortedMembers(set) where IPSetGrammar.isEntry(member) {
                out += "add \(set.name(family)) \(member) -exist\n"
            }
        }
        return out
    }

    /// Creates `kube-ipvs0` (left down, as kube-proxy leaves it) and binds every service address to it.
    func setupScript(_ models: [IPVSNodeModel], node: NodeState) -> String {
        var out = """
            #!/bin/sh
            # Generated by kubec: kube-proxy IPVS mode, node \(ShellGrammar.isCommentText(node.name) ? node.name : "?").
            # The dummy interface kube-proxy creates and the service addresses it binds there (ClusterIPs, and
            # externalIPs / load-balancer IPs that are not already node addresses). Then apply, in order:
            #   ipset restore -exist < ipset.rules
            #   ipvsadm -R < ipvs.rules
            #   iptables-restore --noflush < ipvs-iptables.rules
            set -e
            ip link add kube-ipvs0 type dummy 2>/dev/null || true

            """
        for address in models.flatMap(\.boundAddresses).sorted() {
            out += "ip addr replace \(address)/\(address.isV4 ? 32 : 128) dev kube-ipvs0\n"
        }
        return out
    }
}
