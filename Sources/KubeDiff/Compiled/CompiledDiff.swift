// The compiled part of `kubec diff --cluster`: what the two sides do once scheduled and turned into the
// dataplane. Each section is a list of changes sorted by its natural key, so the report never depends on
// timing, file order or dictionary order. Lines of rule files and zones are kept in the value; the renderers
// print them only when asked (`--verbose`).
//
// The new side is planned on top of the old one, as applying the change would be: pods both sides have keep
// their node and IP, and only new pods are scheduled (see `CompiledDiffer.compare`).

/// Placement, Service IP and dataplane differences between the two sides compiled with the same cluster.
package struct CompiledDiff: Sendable {
    /// The `--cluster` path as given.
    package var cluster: String
    /// Pods that appeared, disappeared, moved node, were replaced by a rollout or changed schedulability.
    package var pods: [PodPlacementChange] = []
    /// Services whose cluster IPs or node ports differ (or that appear or disappear with their IPs).
    package var services: [ServiceIPChange] = []
    /// Per node and per rule file (`iptables.rules`, `policy.rules`, `policy.ipset`): lines added and removed.
    package var rules: [RuleFileChange] = []
    /// Per zone file (`dns/ZONE.zone`): records added and removed, the SOA serial left out.
    package var dns: [ZoneChange] = []
    /// Per nginx route (host and location): added, removed, or a different backend or upstream servers.
    package var routes: [IngressRouteChange] = []

    /// An empty diff for a cluster path.
    package init(cluster: String) {
        self.cluster = cluster
    }

    /// True when anything compiled differs (what `--exit-code` counts besides object changes).
    package var hasDifferences: Bool {
        !pods.isEmpty || !services.isEmpty || !rules.isEmpty || !dns.isEmpty || !routes.isEmpty
    }

    /// Pods per change kind, for the summary.
    package func podCount(_ change: PodPlacementChange.Change) -> Int { pods.filter { $0.change == change }.count }
}

/// One pod's placement difference.
package struct PodPlacementChange: Sendable, Hashable {
    /// What happened to the pod.
    package enum Change: String, Sendable, Hashable, CaseIterable {
        /// A pod only the new side has (placed or not).
        case added
        /// A pod only the old side has.
        case removed
        /// Same pod, another node.
        case moved
        /// A Deployment pod whose name changed with the pod-template-hash: the rollout replaces it.
        case replaced
        /// Placed before, unschedulable now.
        case unschedulable
        /// Unschedulable before, placed now.
        case scheduled
        /// Same node, another pod IP.
        case readdressed
    }

    package var change: Change
    package var namespace: String
    /// The new pod's name (the old one's when removed).
    package var name: String
    /// The replaced pod's name (only for `replaced`).
    package var oldName: String?
    /// `Kind/name` of the controller, when there is one.
    package var owner: String?
    package var oldNode: String?
    package var newNode: String?
    package var oldIP: String?
    package var newIP: String?
    /// kube-scheduler's message for the side where the pod is unschedulable.
    package var message: String?

    /// A pod change.
    package init(
        change: Change, namespace: String, name: String, oldName: String? = nil, owner: String? = nil,
        oldNode: String? = nil, newNode: String? = nil, oldIP: String? = nil, newIP: String? = nil,
        message: String? = nil
    ) {
        self.change = change
        self.namespace = namespace
        self.name = name
        self.oldName = oldName
        self.owner = owner
        self.oldNode = oldNode
        self.newNode = newNode
        self.oldIP = oldIP
        self.newIP = newIP
        self.message = message
    }

    /// `namespace/name`.
    package var key: String { "\(namespace)/\(name)" }
}

/// A Service's allocated addresses on each side.
package struct ServiceIPChange: Sendable, Hashable {
    /// Whether the Service appeared, disappeared or got other addresses.
    package enum Change: String, Sendable, Hashable {
        case added
        case removed
        case modified
    }

    /// One node port (or the health-check node port) on each side.
    package struct NodePort: Sendable, Hashable {
        /// The port's name, else `port/PROTO`; `healthCheckNodePort` for the health check.
        package var port: String
        package var old: Int?
        package var new: Int?
    }

    package var change: Change
    package var namespace: String
    package var name: String
    package var oldClusterIPs: [String]
    package var newClusterIPs: [String]
    /// Node ports that differ (for added and removed Services: all of them).
    package var nodePorts: [NodePort]

    /// `namespace/name`.
    package var key: String { "\(namespace)/\(name)" }
}

/// Lines of one node's rule file that only one side has.
package struct RuleFileChange: Sendable, Hashable {
    package var node: String
    /// `iptables.rules`, `policy.rules` or `policy.ipset`.
    package var file: String
    /// How many lines only the new side has.
    package var addedCount: Int
    /// How many lines only the old side has.
    package var removedCount: Int
    /// Lines only the new side has (empty unless lines were kept: `--verbose`), in file order, each prefixed by its table (`-t nat -A …`, `-t nat -N CHAIN`).
    package var added: [String]
    /// Lines only the old side has, in file order, prefixed the same way (kept as `added` is).
    package var removed: [String]
    /// Chains only the new side declares, `CHAIN (table)` (for `policy.ipset`: the sets it creates).
    package var chainsAdded: [String]
    /// Chains only the old side declares.
    package var chainsRemoved: [String]
}

/// Records of one zone file that only one side has.
package struct ZoneChange: Sendable, Hashable {
    /// The output path, `dns/cluster.local.zone`.
    package var zone: String
    package var added: [String]
    package var removed: [String]
}

/// One nginx route (a server name and a location) that differs.
package struct IngressRouteChange: Sendable, Hashable {
    package var change: ServiceIPChange.Change
    /// `server_name` without its quotes (`_` for the default server; a regex for wildcard hosts).
    package var host: String
    /// The location's match, as written (`"/api"`, `= "/exact"`, `~* "regex"`).
    package var location: String
    /// `proxy_pass http://UPSTREAM`, `grpc_pass …` or `return CODE`; nil on the side without the route.
    package var oldBackend: String?
    package var newBackend: String?
    /// Upstream servers (`IP:port`) only the new side routes to.
    package var serversAdded: [String]
    /// Upstream servers only the old side routes to.
    package var serversRemoved: [String]
}
