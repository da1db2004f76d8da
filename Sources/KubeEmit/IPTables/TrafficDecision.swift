/// What one node does with one service port: which endpoints each traffic policy uses, which chains exist and
/// what happens to traffic that has nowhere to go.
///
/// Follows kube-proxy's `CategorizeEndpoints` (pkg/proxy/topology.go) and the flags `syncProxyRules` derives
/// from it. Endpoints are indices into the plan's list. Zone hints exist only for Services with
/// `trafficDistribution: PreferClose`/`PreferSameZone`, set as the EndpointSlice controller sets them: each
/// endpoint hinted for its node's zone (none when the node has no zone label).
struct TrafficDecision {
    /// Endpoints for "Cluster" policy: ready ones, else serving-and-terminating ones.
    var clusterEndpoints: [Int] = []
    /// This node's endpoints for "Local" policy: ready ones, else serving-and-terminating ones.
    var localEndpoints: [Int] = []
    /// Every endpoint some chain on this node jumps to: these get `KUBE-SEP-` chains.
    var reachableEndpoints: [Int] = []
    /// Some endpoint anywhere is usable.
    var hasEndpoints = false
    /// Cluster-IP traffic has somewhere to go on this node.
    var hasInternalEndpoints = false
    /// External traffic (NodePort, externalIPs, LB IPs) has somewhere to go on this node.
    var hasExternalEndpoints = false
    var usesClusterChain = false
    var usesLocalChain = false
    var usesExternalChain = false
    var usesFirewallChain = false

    /// Decides for `plan` on the node named `nodeName` (nil: a node with no endpoints, used for plans whose rules
    /// do not depend on the node).
    init(_ plan: ServicePortPlan, nodeName: String?, nodeZone: String? = nil) {
        let endpoints = plan.endpoints
        if plan.usesClusterEndpoints {
            let zone = Self.topologyZone(plan, nodeZone: nodeZone)
            clusterEndpoints = endpoints.indices.filter { endpoints[$0].ready && (zone == nil || endpoints[$0].zone == zone) }
            if clusterEndpoints.isEmpty {
                clusterEndpoints = endpoints.indices.filter { endpoints[$0].serving && endpoints[$0].terminating }
            }
            hasEndpoints = !clusterEndpoints.isEmpty
        }
        if !plan.usesLocalEndpoints {
            reachableEndpoints = clusterEndpoints
        } else {
            var hasLocalReady = false
            var hasLocalServingTerminating = false
            for endpoint in endpoints {
                let isLocal = nodeName != nil && endpoint.nodeName == nodeName
                if endpoint.ready {
                    hasEndpoints = true
                    if isLocal { hasLocalReady = true }
                } else if endpoint.serving && endpoint.terminating {
                    hasEndpoints = true
                    if isLocal { hasLocalServingTerminating = true }
                }
            }
            if hasLocalReady {
                localEndpoints = endpoints.indices.filter { endpoints[$0].nodeName == nodeName && endpoints[$0].ready }
            } else if hasLocalServingTerminating {
                localEndpoints = endpoints.indices.filter {
                    endpoints[$0].nodeName == nodeName && endpoints[$0].serving && endpoints[$0].terminating
                }
            }
            if !plan.usesClusterEndpoints {
                reachableEndpoints = localEndpoints
            } else if !hasLocalServingTerminating || hasLocalReady {
                reachableEndpoints = clusterEndpoints
            } else {
                // Local serving-terminating endpoints are not in the cluster list: take the union. (kube-proxy
                // builds it from a map, in no particular order; SEP chains are sorted by name anyway.)
                reachableEndpoints = clusterEndpoints + localEndpoints.filter { !clusterEndpoints.contains($0) }
            }
        }
        usesClusterChain = !clusterEndpoints.isEmpty && plan.usesClusterEndpoints
        usesLocalChain = !localEndpoints.isEmpty && plan.usesLocalEndpoints
        hasInternalEndpoints = hasEndpoints && (!plan.internalLocal || !localEndpoints.isEmpty)
        hasExternalEndpoints = hasEndpoints && (!plan.externalLocal || !localEndpoints.isEmpty)
        usesExternalChain = hasEndpoints && plan.externallyAccessible
        usesFirewallChain = hasEndpoints && !plan.loadBalancerIPs.isEmpty && !plan.sourceRanges.isEmpty
    }

    /// The zone cluster endpoints are narrowed to, nil when kube-proxy would not use hints (`canUseTopology`):
    /// the node has no zone, some ready endpoint has no hint, or no ready endpoint is hinted for the node's zone.
    static func topologyZone(_ plan: ServicePortPlan, nodeZone: String?) -> String? {
        guard plan.prefersSameZone, let nodeZone, !nodeZone.isEmpty else { return nil }
        var hasEndpointForZone = false
        for endpoint in plan.endpoints where endpoint.ready {
            guard let zone = endpoint.zone else { return nil }
            if zone == nodeZone { hasEndpointForZone = true }
        }
        return hasEndpointForZone ? nodeZone : nil
    }

    /// The chain cluster-IP traffic goes to.
    func internalChain(_ plan: ServicePortPlan) -> ChainName { plan.chain.with(plan.internalLocal ? .svl : .svc) }

    /// The chain the EXT chain hands external traffic to.
    func externalPolicyChain(_ plan: ServicePortPlan) -> ChainName { plan.chain.with(plan.externalLocal ? .svl : .svc) }
}
