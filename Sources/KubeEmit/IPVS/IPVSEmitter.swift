import KubeModel
import KubePlan

/// kube-proxy's IPVS mode, node by node: `ipvs.rules` (`ipvsadm -R` input), `ipset.rules` (`ipset restore`
/// input), `ipvs-iptables.rules` (the iptables rules IPVS mode keeps) and `ipvs-setup.sh` (the `kube-ipvs0`
/// dummy interface and its addresses).
///
/// Virtual servers are listed in `ipvsadm -S -n` order (protocol, address, port) with real servers sorted by
/// address and port, so a file compares equal to a live node's `ipvsadm -S -n`. IPv4 only.
package struct IPVSEmitter: Sendable {
    /// kube-proxy flags that shape IPVS output.
    package struct Options: Sendable, Hashable {
        /// Only these nodes (by name); nil for every node.
        package var nodes: Set<String>?
        /// `--ipvs-scheduler`; nil takes the Cluster settings (default `rr`).
        package var scheduler: String?
        /// How the masquerade mark is spelled.
        package var markStyle: IPTablesOptions.MarkStyle = .kubeProxy
        /// Nil: ClusterCIDR mode with the first IPv4 cluster CIDR.
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

    /// An emitter with the given options.
    package init(options: Options = Options()) {
        self.options = options
    }

    /// Four files per selected node, nodes in name order.
    package func emit(_ state: ClusterState) -> [OutputFile] {
        let plans = ServicePortPlan.plans(for: state)
        let scheduler =
            options.scheduler ?? (state.settings.ipvsScheduler.isEmpty ? "rr" : state.settings.ipvsScheduler)
        let localCIDR: String? =
            switch options.localDetector {
            case .some(.clusterCIDR(let cidr)): cidr.description
            case .some(.disabled): nil
            case nil: state.settings.clusterCIDRs.first(where: \.isV4)?.description
            }
        let mark = IPTablesEmitter.markText(bit: state.settings.masqueradeBit, style: options.markStyle)
        let nodes = state.nodes.filter { options.nodes?.contains($0.name) ?? true }.sorted { $0.name < $1.name }
        var files: [OutputFile] = []
        for node in nodes {
            let model = IPVSNodeModel(plans: plans, node: node)
            let folder = "nodes/\(node.name)/"
            files.append(OutputFile(path: folder + "ipvs.rules", text: ipvsadmRules(model, scheduler: scheduler)))
            files.append(OutputFile(path: folder + "ipset.rules", text: ipsetRules(model)))
            let iptables = IPVSIPTablesWriter(
                model: model, mark: mark, localCIDR: localCIDR, masqueradeAll: state.settings.masqueradeAll,
                randomFully: options.randomFully)
            files.append(
                OutputFile(
                    path: folder + "ipvs-iptables.rules",
                    text: iptables.render(header: options.header ? node.name : nil)))
            files.append(
                OutputFile(path: folder + "ipvs-setup.sh", text: setupScript(model, node: node), executable: true))
        }
        return files
    }

    /// `-A -t VIP:PORT -s SCHED [-p TIMEOUT]` per virtual server, then its `-a … -r RIP:RPORT -m -w 1` lines.
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
            let service = "\(flag) \(server.address):\(server.port)"
            guard seen.insert(service).inserted else { continue }
            out += "-A \(service) -s \(scheduler)"
            if scheduler == "mh" { out += " -b mh-port" }
            if let timeout = server.persistence { out += " -p \(timeout)" }
            out += "\n"
            let reals = server.realServers.sorted {
                $0.address != $1.address ? $0.address < $1.address : $0.port < $1.port
            }
            var seenReal = Set<String>()
            for real in reals where seenReal.insert("\(real.address):\(real.port)").inserted {
                out += "-a \(service) -r \(real.address):\(real.port) -m -w 1\n"
            }
        }
        return out
    }

    /// `create SET TYPE … -exist` for every set kube-proxy ensures, then `add SET ENTRY -exist` per member.
    func ipsetRules(_ model: IPVSNodeModel) -> String {
        var out = ""
        for set in IPSetName.allCases {
            out += "create \(set.rawValue) \(set.createOptions) -exist\n"
        }
        for set in IPSetName.allCases {
            for member in model.sets.sortedMembers(set) {
                out += "add \(set.rawValue) \(member) -exist\n"
            }
        }
        return out
    }

    /// Creates `kube-ipvs0` (left down, as kube-proxy leaves it) and binds every service address to it.
    func setupScript(_ model: IPVSNodeModel, node: NodeState) -> String {
        var out = """
            #!/bin/sh
            # Generated by kubec: kube-proxy IPVS mode, node \(node.name).
            # The dummy interface kube-proxy creates and the service addresses it binds there (ClusterIPs, and
            # externalIPs / load-balancer IPs that are not already node addresses). Then apply, in order:
            #   ipset restore -exist < ipset.rules
            #   ipvsadm -R < ipvs.rules
            #   iptables-restore --noflush < ipvs-iptables.rules
            set -e
            ip link add kube-ipvs0 type dummy 2>/dev/null || true

            """
        for address in model.boundAddresses.sorted() {
            out += "ip addr replace \(address)/32 dev kube-ipvs0\n"
        }
        return out
    }
}
