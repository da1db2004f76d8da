import KubeModel

/// A pod (anti-)affinity term with the API server's merges applied (`matchLabelKeys`/`mismatchLabelKeys`
/// folded into the selector).
package struct AffinityTerm: Sendable, Hashable {
    /// Nil matches no pod.
    package var selector: LabelSelector?
    package var namespaces: [String]
    package var namespaceSelector: LabelSelector?
    package var topologyKey: String
    /// The weight of a preferred term; 0 for a required one.
    package var weight: Int

    package init(selector: LabelSelector?, namespaces: [String] = [], namespaceSelector: LabelSelector? = nil,
                 topologyKey: String, weight: Int = 0) {
        self.selector = selector
        self.namespaces = namespaces
        self.namespaceSelector = namespaceSelector
        self.topologyKey = topologyKey
        self.weight = weight
    }
}

/// A topology spread constraint with its defaults applied and `matchLabelKeys` merged.
package struct SpreadConstraint: Sendable, Hashable {
    package var maxSkew: Int
    package var topologyKey: String
    /// `DoNotSchedule` (filter) when true, `ScheduleAnyway` (score) when false.
    package var isHard: Bool
    /// Nil counts no pod.
    package var selector: LabelSelector?
    package var minDomains: Int
    /// `nodeAffinityPolicy: Honor` (default).
    package var honorsNodeAffinity: Bool
    /// `nodeTaintsPolicy: Honor` (default Ignore).
    package var honorsTaints: Bool

    package init(maxSkew: Int, topologyKey: String, isHard: Bool, selector: LabelSelector?, minDomains: Int = 1,
                 honorsNodeAffinity: Bool = true, honorsTaints: Bool = false) {
        self.maxSkew = maxSkew
        self.topologyKey = topologyKey
        self.isHard = isHard
        self.selector = selector
        self.minDomains = minDomains
        self.honorsNodeAffinity = honorsNodeAffinity
        self.honorsTaints = honorsTaints
    }
}

/// A host port a container claims: `(hostIP, protocol, hostPort)`; an empty IP is `0.0.0.0`.
package struct HostPort: Sendable, Hashable {
    package var ip: String
    package var proto: String
    package var port: Int

    package init(ip: String, proto: String, port: Int) {
        self.ip = ip.isEmpty ? "0.0.0.0" : ip
        self.proto = proto.isEmpty ? "TCP" : proto
        self.port = port
    }

    /// `NodePorts`' conflict rule: same protocol and port, and the same IP or `0.0.0.0` on either side.
    package func conflicts(with other: HostPort) -> Bool {
        port == other.port && proto == other.proto && (ip == other.ip || ip == "0.0.0.0" || other.ip == "0.0.0.0")
    }
}

/// A weighted preferred node affinity term.
package struct WeightedNodeTerm: Sendable, Hashable {
    package var weight: Int
    package var term: NodeSelectorTerm

    package init(weight: Int, term: NodeSelectorTerm) {
        self.weight = weight
        self.term = term
    }
}

/// Everything the scheduler reads from one pod, resolved once.
package struct SchedulingSpec: Sendable {
    package var namespace: String
    package var labels: [String: String]
    package var nodeName: String?
    package var nodeSelector: [String: String] = [:]
    /// Required node affinity terms (ORed); nil when there is none.
    package var requiredNodeTerms: [NodeSelectorTerm]?
    package var preferredNodeTerms: [WeightedNodeTerm] = []
    package var tolerations: [Toleration] = []
    package var requiredAffinity: [AffinityTerm] = []
    package var requiredAntiAffinity: [AffinityTerm] = []
    package var preferredAffinity: [AffinityTerm] = []
    package var preferredAntiAffinity: [AffinityTerm] = []
    /// The pod's own constraints; empty means the system defaults apply (with `defaultSpreadSelector`).
    package var spreadConstraints: [SpreadConstraint] = []
    /// `DefaultSelector(pod)`: Services selecting the pod and its ReplicaSet/StatefulSet owner, ANDed.
    package var defaultSpreadSelector: LabelSelector?
    /// Real requests (filter, balanced allocation).
    package var requests = Resources()
    /// Requests with the 100m / 200Mi defaults (LeastAllocated).
    package var nonZeroRequests = Resources()
    package var hostPorts: [HostPort] = []
    /// Container images (init and regular), normalised with `:latest` when untagged.
    package var images: [String] = []
    package var priority = 0
    /// `preemptionPolicy: Never`.
    package var neverPreempts = false

    package init(namespace: String, labels: [String: String]) {
        self.namespace = namespace
        self.labels = labels
    }

    /// True when the pod has no nodeSelector and no required node affinity.
    package var hasNoNodeConstraint: Bool { nodeSelector.isEmpty && requiredNodeTerms == nil }

    /// NodeAffinity's filter: every nodeSelector pair AND (no required terms OR any term).
    package func matchesNodeSelectorAndAffinity(labels nodeLabels: [String: String], nodeName: String) -> Bool {
        for (key, value) in nodeSelector where nodeLabels[key] != value { return false }
        guard let terms = requiredNodeTerms else { return true }
        return terms.contains { $0.matches(labels: nodeLabels, nodeName: nodeName) }
    }
}
