import KubeModel
import KubeYAML

extension ClusterSettings {
    /// Converts the model's `Cluster` document (defaults already applied there); malformed addresses keep
    /// kubec's defaults and become `cluster-setting-invalid` findings at the field.
    package static func from(_ cluster: Cluster) -> (ClusterSettings, [Diagnostic]) {
        var settings = ClusterSettings()
        var diagnostics: [Diagnostic] = []
        let object = cluster.node.flatMap { _ in
            ObjectIdentity(
                apiVersion: "kubec.dev/v1alpha1", kind: "Cluster", namespace: nil, name: cluster.metadata.name)
        }
        func invalid(_ field: String, _ text: String, _ what: String) {
            let node = cluster.node?["spec"]?[field]
            diagnostics.append(
                Diagnostic(
                    rule: "cluster-setting-invalid", severity: .error,
                    message: "\(field) \(text.debugDescription) is not \(what)",
                    range: node?.range ?? cluster.node?.range, object: object, path: "spec.\(field)"))
        }
        settings.clusterDomain = cluster.clusterDomain
        let services = cluster.serviceCIDRs.compactMap { text -> CIDR? in
            if let cidr = CIDR(text) { return cidr }
            invalid("serviceCIDR", text, "a CIDR")
            return nil
        }
        if !services.isEmpty { settings.serviceCIDRs = services }
        let pods = cluster.clusterCIDRs.compactMap { text -> CIDR? in
            if let cidr = CIDR(text) { return cidr }
            invalid("clusterCIDR", text, "a CIDR")
            return nil
        }
        if !pods.isEmpty { settings.clusterCIDRs = pods }
        settings.nodeCIDRMaskSize = cluster.nodeCIDRMaskSize
        if let text = cluster.dnsServiceIP {
            if let address = IPAddress(text) {
                settings.dnsServiceIP = address
            } else {
                invalid("dnsServiceIP", text, "an IP address")
            }
        } else if let first = settings.serviceCIDRs.first {
            settings.dnsServiceIP = first.address(at: 10)
        }
        settings.nodePortRange = cluster.nodePortRange
        settings.dnsTTL = cluster.dnsTTL
        settings.masqueradeBit = cluster.masqueradeBit
        settings.masqueradeAll = cluster.masqueradeAll
        settings.ipvsScheduler = cluster.ipvsScheduler
        settings.ingress.listenAddress = cluster.ingressListenAddress
        settings.ingress.httpPort = cluster.ingressHTTPPort
        settings.ingress.httpsPort = cluster.ingressHTTPSPort
        settings.ingress.tlsDirectory = cluster.ingressTLSDirectory
        settings.kubernetesVersion = cluster.kubernetesVersion
        return (settings, diagnostics)
    }

    /// The minor version (`34` for `"1.34"`), nil when unset or unreadable.
    package var kubernetesMinor: Int? {
        guard let version = kubernetesVersion else { return nil }
        let parts = version.drop { $0 == "v" }.split(separator: ".")
        guard parts.count >= 2, parts[0] == "1" else { return nil }
        return Int(parts[1])
    }
}
