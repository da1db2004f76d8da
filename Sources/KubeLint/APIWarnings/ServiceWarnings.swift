import KubeYAML

/// The API server's warnings for an accepted Service (`pkg/api/service/warnings.go`) and Ingress (the ingress
/// strategy's class annotation warning), gated by the Kubernetes version that added each.
enum ServiceWarnings {
    typealias Warning = PodTemplateWarnings.Warning

    /// The warnings for a Service object on Kubernetes `1.minor`.
    static func warnings(_ root: YAMLNode, minor: Int) -> [Warning] {
        var result: [Warning] = []
        let annotations = root["metadata"]?["annotations"]
        if let key = annotations?.pair(forKey: "service.kubernetes.io/topology-aware-hints")?.key {
            result.append(Warning(node: key, text: "annotation service.kubernetes.io/topology-aware-hints is deprecated, "
                + "please use service.kubernetes.io/topology-mode instead"))
        }
        guard let spec = root["spec"], spec.isMapping else { return result }
        let type = spec["type"]?.text ?? "ClusterIP"
        let headless = type == "ClusterIP" && spec["clusterIP"]?.text == "None"
        let externalIPs = spec["externalIPs"]?.sequenceItems ?? []
        if headless {
            if let node = spec["loadBalancerIP"], !(node.text ?? "").isEmpty {
                result.append(Warning(node: node, text: "spec.loadBalancerIP is ignored for headless services"))
            }
            if !externalIPs.isEmpty {
                result.append(Warning(node: externalIPs[0], text: "spec.externalIPs is ignored for headless services"))
            }
            if let node = spec["sessionAffinity"], let value = node.text, value != "None" {
                result.append(Warning(node: node, text: "spec.SessionAffinity is ignored for headless services"))
            }
        }
        if minor >= 36, !externalIPs.isEmpty, !headless, type != "ExternalName" {
            result.append(Warning(
                node: externalIPs[0], text: "spec.externalIPs is deprecated and may no longer be implemented in some clusters"))
        }
        if type == "ExternalName", !externalIPs.isEmpty {
            result.append(Warning(node: externalIPs[0], text: #"spec.externalIPs is ignored when spec.type is "ExternalName""#))
        }
        if type != "ExternalName", let node = spec["externalName"], !(node.text ?? "").isEmpty {
            result.append(Warning(node: node, text: #"spec.externalName is ignored when spec.type is not "ExternalName""#))
        }
        if minor >= 35, let node = spec["trafficDistribution"], node.text == "PreferClose" {
            result.append(Warning(node: node, text: #"spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone""#))
        }
        return result
    }

    /// The warning for an Ingress still naming its class by annotation.
    static func ingressWarnings(_ root: YAMLNode) -> [Warning] {
        guard let key = root["metadata"]?["annotations"]?.pair(forKey: "kubernetes.io/ingress.class")?.key else { return [] }
        return [Warning(node: key, text: #"annotation "kubernetes.io/ingress.class" is deprecated, please use "#
            + #"'spec.ingressClassName' instead"#)]
    }
}
