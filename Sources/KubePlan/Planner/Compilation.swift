import KubeModel

/// The whole plan stage for the emitters: placement, then endpoints (selector-based and declared), Ingress
/// backends and NetworkPolicies, so that `ClusterState` is complete.
package enum Compilation {
    package static func resolve(_ set: ManifestSet, options: PlanOptions = PlanOptions()) -> PlanResult {
        var result = Planner.plan(set, options: options)
        var state = EndpointResolver.resolve(result.state, explicit: ExplicitEndpoints.from(set))
        state = IngressBackendResolver.resolve(state)
        let policies = PolicyResolver.resolve(set)
        state.networkPolicies = policies.policies
        state.namespaceLabels = policies.namespaceLabels
        result.state = state
        result.diagnostics += policies.diagnostics
        return result
    }
}
