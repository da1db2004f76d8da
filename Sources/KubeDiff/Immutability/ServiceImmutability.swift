import KubeYAML

/// What a Service update may not change (pkg/apis/core/validation `ValidateServiceUpdate`, and the registry's
/// `patchAllocatedValues`, which keeps the old cluster IP when the update omits it).
///
/// - The primary cluster IP (`clusterIP`, `clusterIPs[0]`) may not change once set, headless `None` included:
///   `spec.clusterIPs[0]: Invalid value: ["10.96.0.7"]: may not change once set`. A manifest that sets one
///   where the old omitted it meets the address the cluster allocated: refused for `None`, and for an
///   address unless it happens to be the same (a warning, as the allocation is unknown here).
/// - Dropping `clusterIP: None` does not end headlessness: the API server keeps `None` (a warning).
/// - Transitions to or from ExternalName skip these checks (the IP is released or allocated).
/// - `loadBalancerClass` may not change while the type stays LoadBalancer.
enum ServiceImmutability {
    static func check(_ context: WorkloadChange) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        let oldSpec = context.old["spec"]
        let newSpec = context.new["spec"]
        let oldType = oldSpec?["type"]?.text ?? "ClusterIP"
        let newType = newSpec?["type"]?.text ?? "ClusterIP"
        if oldType != "ExternalName", newType != "ExternalName" {
            findings += clusterIP(context, old: primaryIP(oldSpec), new: primaryIP(newSpec))
        }
        if oldType == "LoadBalancer", newType == "LoadBalancer", context.changed(under: ["spec", "loadBalancerClass"]) {
            let keys = ["spec", "loadBalancerClass"]
            findings.append(
                context.forbidden(
                    "spec.loadBalancerClass: Invalid value: \(APIValueText.render(context.node(keys))): may not change once set",
                    path: "spec.loadBalancerClass", keys: keys))
        }
        return findings
    }

    /// `clusterIP`, else `clusterIPs[0]`; nil when unset or empty (both mean "allocate one").
    static func primaryIP(_ spec: YAMLNode?) -> String? {
        if let single = spec?["clusterIP"]?.text, !single.isEmpty, spec?["clusterIP"]?.isNull == false { return single }
        if let first = spec?["clusterIPs"]?.items.first, !first.isNull, let text = first.text, !text.isEmpty {
            return text
        }
        return nil
    }

    private static func clusterIP(_ context: WorkloadChange, old: String?, new: String?) -> [Diagnostic] {
        let keys = ["spec", "clusterIP"]
        switch (old, new) {
        case (let old?, let new?) where old != new:
            return [
                context.forbidden(
                    "spec.clusterIPs[0]: Invalid value: [\(DiffValue.quoted(new))]: may not change once set",
                    path: "spec.clusterIPs[0]", keys: keys)
            ]
        case (nil, "None"):
            return [
                context.forbidden(
                    "spec.clusterIPs[0]: Invalid value: [\"None\"]: may not change once set",
                    path: "spec.clusterIPs[0]", keys: keys)
            ]
        case (nil, let new?):
            return [
                context.caveat(
                    "spec.clusterIP: the live Service already has an allocated cluster IP; setting \(new) is refused (may not change once set) unless it is that address",
                    path: "spec.clusterIP", keys: keys,
                    hint: "leave clusterIP unset, or delete and recreate the Service")
            ]
        case ("None", nil):
            return [
                context.caveat(
                    "spec.clusterIP: removing clusterIP: None does not give the Service a cluster IP; the API server keeps None",
                    path: "spec.clusterIP", keys: keys, hint: ConsequenceRules.recreateHint)
            ]
        default:
            return []
        }
    }
}
