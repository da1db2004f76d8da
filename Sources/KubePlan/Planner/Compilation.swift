import KubeModel

/// The whole plan stage for the emitters: placement, then endpoints (selector-based and declared), Ingress
/// backends and NetworkPolicies, so that `ClusterState` is complete.
package enum Compilation {
    /// `findings`, when given, receives the result as soon as its findings are complete (placement and
    /// NetworkPolicies), before endpoints are resolved: `compile`'s linter needs no more than that.
    package static func resolve(
        _ set: ManifestSet, options: PlanOptions = PlanOptions(), findings: ((PlanResult) -> Void)? = nil
    ) -> PlanResult {
        // NetworkPolicies and declared endpoints do not depend on placement: read on another thread meanwhile.
        let (planned, (policies, explicit)) = SideBySide.run({ Planner.plan(set, options: options) }) {
            (PolicyResolver.resolve(set), ExplicitEndpoints.from(set))
        }
        var result = planned
        result.diagnostics += policies.diagnostics
        findings?(result)
        var state = EndpointResolver.resolve(result.state, explicit: explicit)
        state = IngressBackendResolver.resolve(state)
        state.networkPolicies = policies.policies
        state.namespaceLabels = policies.namespaceLabels
        result.state = state
        return result
    }
}
