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
        func problem(_ field: String, _ message: String) {
            let node = cluster.node?["spec"]?[field]
            diagnostics.append(
                Diagnostic(
                    rule: "cluster-setting-invalid", severity: .error, message: message,
                    range: node?.range ?? cluster.node?.range, object: object, path: "spec.\(field)"))
        }
        func invalid(_ field: String, _ text: String, _ what: String) {
            problem(field, "\(field) \(text.debugDescription) is not \(what)")
        }
        // One CIDR, or one of each family for dual stack (kube-apiserver and kube-controller-manager refuse other
        // lists); the first is kept otherwise.
        func familyPair(_ field: String, _ cidrs: [CIDR]) -> [CIDR] {
            guard cidrs.count > 2 || (cidrs.count == 2 && cidrs[0].isV4 == cidrs[1].isV4) else { return cidrs }
            problem(field, "\(field) lists \(cidrs.map(\.description).joined(separator: ", ")): give one CIDR, or one "
                + "IPv4 and one IPv6 CIDR for dual stack; only \(cidrs[0]) is used")
            return [cidrs[0]]
        }
        settings.clusterDomain = cluster.clusterDomain
        let services = cluster.serviceCIDRs.compactMap { text -> CIDR? in
            if let cidr = CIDR(text) { return cidr }
            invalid("serviceCIDR", text, "a CIDR")
            return nil
        }
        if !services.isEmpty { settings.serviceCIDRs = familyPair("serviceCIDR", services) }
        let pods = cluster.clusterCIDRs.compactMap { text -> CIDR? in
            if let cidr = CIDR(text) { return cidr }
            invalid("clusterCIDR", text, "a CIDR")
            return nil
        }
        if !pods.isEmpty { settings.clusterCIDRs = familyPair("clusterCIDR", pods) }
        settings.nodeCIDRMaskSize = cluster.nodeCIDRMaskSize
        if let text = cluster.dnsServiceIP {
            if let address = IPAddress(text) {
                settings.dnsServiceIP = address
                if !settings.serviceCIDRs.contains(where: { $0.contains(address) }) {
                    problem("dnsServiceIP", "dnsServiceIP \(address) is not in the service CIDR "
                        + settings.serviceCIDRs.map(\.description).joined(separator: ", ")
                        + ": kube-dns would get an address outside the Service range")
                }
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
