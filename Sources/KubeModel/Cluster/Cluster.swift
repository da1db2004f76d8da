import KubeYAML

/// `kubec.dev/v1alpha1` Cluster: cluster-wide settings, with the defaults of a kubeadm cluster.
///
/// Every field is optional in the document (see CLI.md "The `Cluster` document"); `Cluster()` is what an
/// input without a Cluster document gets.
package struct Cluster: Sendable, KubeDecodable {
    /// The document root (nil for the default cluster).
    package var node: YAMLNode?
    package var metadata: ObjectMeta
    /// `"1.34"`; nil when not given (later stages pick their newest bundled version).
    package var kubernetesVersion: String?
    /// Default `cluster.local`.
    package var clusterDomain: String
    /// Default `["10.96.0.0/12"]`; a list for dual stack (a single string is accepted).
    package var serviceCIDRs: [String]
    /// Default `["10.244.0.0/16"]`: pod CIDRs for Nodes without `spec.podCIDR`; one per family, a list of two
    /// for dual stack (a single string is accepted).
    package var clusterCIDRs: [String]
    /// The first (primary) cluster CIDR.
    package var clusterCIDR: String { clusterCIDRs.first ?? "" }
    /// The prefix length of each node's pod CIDR carved from `clusterCIDR`.
    ///
    /// Default 24 for an IPv4 `clusterCIDR`, 64 for an IPv6 one (kube-controller-manager's
    /// `--node-cidr-mask-size-ipv4` / `-ipv6` defaults). Applies to the first cluster CIDR; a dual-stack
    /// second one takes its family's default.
    package var nodeCIDRMaskSize: Int
    /// Default: the 10th address of the first service CIDR (`10.96.0.10`, `fd00:10:96::a`), as kubeadm picks it;
    /// nil when that CIDR is malformed and no `dnsServiceIP` is given.
    package var dnsServiceIP: String?
    /// Default 30000-32767.
    package var nodePortRange: ClosedRange<Int>
    /// CoreDNS record TTL.
    ///
    /// Default 5.
    package var dnsTTL: Int
    /// kube-proxy `--iptables-masquerade-bit`.
    ///
    /// Default 14.
    package var masqueradeBit: Int
    /// kube-proxy `--masquerade-all`.
    ///
    /// Default false.
    package var masqueradeAll: Bool
    /// kube-proxy `--ipvs-scheduler`.
    ///
    /// Default `rr`.
    package var ipvsScheduler: String
    /// The ingress controller's listen address.
    ///
    /// Default `0.0.0.0`.
    package var ingressListenAddress: String
    /// Default 80.
    package var ingressHTTPPort: Int
    /// Default 443.
    package var ingressHTTPSPort: Int
    /// Where the ingress controller finds `SECRET.crt`/`SECRET.key`.
    ///
    /// Default `/etc/kubec/tls`.
    package var ingressTLSDirectory: String
    /// `spec.featureGates`: Kubernetes feature gates the cluster turns on (or off), as kube-apiserver's and
    /// kube-scheduler's `--feature-gates`. Lint and plan honour the gates they know
    /// (`TaintTolerationComparisonOperators`). Default: none, each gate at its Kubernetes default.
    package var featureGates: [String: Bool] = [:]

    /// Whether a gate is on (gates kubec knows are all alpha, off by default).
    package func isEnabled(_ gate: String) -> Bool { featureGates[gate] ?? false }

    /// The defaults of a kubeadm cluster.
    package init() {
        metadata = ObjectMeta()
        clusterDomain = "cluster.local"
        serviceCIDRs = ["10.96.0.0/12"]
        clusterCIDRs = ["10.244.0.0/16"]
        nodeCIDRMaskSize = 24
        dnsServiceIP = "10.96.0.10"
        nodePortRange = 30000...32767
        dnsTTL = 5
        masqueradeBit = 14
        masqueradeAll = false
        ipvsScheduler = "rr"
        ingressListenAddress = "0.0.0.0"
        ingressHTTPPort = 80
        ingressHTTPSPort = 443
        ingressTLSDirectory = "/etc/kubec/tls"
    }

    package init(decoding node: YAMLNode, in context: inout DecodeContext) {
        self.init()
        self.node = node
        metadata = context.metadata(node)
        guard let spec = context.mapping(node, "spec") else { return }
        kubernetesVersion = Self.versionText(spec, &context)
        clusterDomain = context.string(spec, "clusterDomain") ?? clusterDomain
        if let cidrs = spec["serviceCIDR"] {
            if cidrs.isSequence {
                serviceCIDRs = context.strings(spec, "serviceCIDR")
            } else if let single = context.string(cidrs) {
                serviceCIDRs = [single]
            }
        }
        if let cidrs = spec["clusterCIDR"] {
            if cidrs.isSequence {
                clusterCIDRs = context.strings(spec, "clusterCIDR")
            } else if let single = context.string(cidrs) {
                clusterCIDRs = [single]
            }
        }
        nodeCIDRMaskSize = context.int(spec, "nodeCIDRMaskSize") ?? (CIDR(clusterCIDR)?.isV4 == false ? 64 : 24)
        if let given = context.string(spec, "dnsServiceIP") {
            dnsServiceIP = given
        } else {
            dnsServiceIP = serviceCIDRs.first.flatMap { CIDR($0) }.flatMap { $0.size > 10 ? "\($0.address(at: 10))" : nil }
            if let first = serviceCIDRs.first, CIDR(first) == nil, let cidrNode = spec["serviceCIDR"] {
                context.invalidValue(
                    cidrNode, "must be a valid CIDR (e.g. 10.96.0.0/12 or fd00:10:96::/112) to derive dnsServiceIP",
                    hint: "fix the CIDR or set spec.dnsServiceIP explicitly")
            }
        }
        if let rangeNode = spec["nodePortRange"] {
            if let text = context.string(rangeNode) {
                if let range = Self.portRange(text) {
                    nodePortRange = range
                } else {
                    context.invalidValue(rangeNode, "must be a port range like 30000-32767")
                }
            }
        }
        if let gates = context.mapping(spec, "featureGates") {
            for (key, value) in gates.pairs {
                guard let name = key.text else { continue }
                if let on = context.bool(value) { featureGates[name] = on }
            }
        }
        if let dns = context.mapping(spec, "dns") { dnsTTL = context.int(dns, "ttl") ?? dnsTTL }
        if let proxy = context.mapping(spec, "proxy") {
            masqueradeBit = context.int(proxy, "masqueradeBit") ?? masqueradeBit
            masqueradeAll = context.bool(proxy, "masqueradeAll") ?? masqueradeAll
            ipvsScheduler = context.string(proxy, "ipvsScheduler") ?? ipvsScheduler
        }
        if let ingress = context.mapping(spec, "ingress") {
            ingressListenAddress = context.string(ingress, "listenAddress") ?? ingressListenAddress
            ingressHTTPPort = context.int(ingress, "httpPort") ?? ingressHTTPPort
            ingressHTTPSPort = context.int(ingress, "httpsPort") ?? ingressHTTPSPort
            ingressTLSDirectory = context.string(ingress, "tlsDirectory") ?? ingressTLSDirectory
        }
    }

    /// `kubernetesVersion` accepts `"1.34"` and also an unquoted `1.34` (a YAML float) without complaint.
    private static func versionText(_ spec: YAMLNode, _ context: inout DecodeContext) -> String? {
        guard let node = spec["kubernetesVersion"] else { return nil }
        if node.scalarType == .float || node.scalarType == .int { return node.text }
        return context.string(node)
    }

    /// Parses `30000-32767` (or a single port) into a range; nil when malformed or out of 1…65535.
    static func portRange(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2,
            let low = Int(parts[0].trimmingSpaces), let high = Int(parts[parts.count - 1].trimmingSpaces),
            low >= 1, high <= 65535, low <= high
        else { return nil }
        return low...high
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    fileprivate var trimmingSpaces: Substring {
        var result = self
        while result.first == " " { result = result.dropFirst() }
        while result.last == " " { result = result.dropLast() }
        return result
    }
}
