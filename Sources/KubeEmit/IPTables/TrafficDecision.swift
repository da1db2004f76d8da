/// What one node does with one service port: which endpoints each traffic policy uses, which chains exist and
/// what happens to traffic that has nowhere to go.
///
/// Follows kube-proxy's `CategorizeEndpoints` (pkg/proxy/topology.go, without topology hints: kubec has no
/// zone hints) and the flags `syncProxyRules` derives from it. Endpoints are indices into the plan's list.
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
    init(_ plan: ServicePortPlan, nodeName: String?) {
        let endpoints = plan.endpoints
        if plan.usesClusterEndpoints {
            clusterEndpoints = endpoints.indices.filter { endpoints[$0].ready }
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

    /// The chain cluster-IP traffic goes to.
    func internalChain(_ plan: ServicePortPlan) -> ChainName { plan.chain.with(plan.internalLocal ? .svl : .svc) }

    /// The chain the EXT chain hands external traffic to.
    func externalPolicyChain(_ plan: ServicePortPlan) -> ChainName { plan.chain.with(plan.externalLocal ? .svl : .svc) }
}
