import KubeModel
import KubeYAML

/// The world after `kubectl apply`: nodes, placed pods with IPs, services with IPs and endpoints, ingress
/// routes. Every emitter is a pure function of this value.
///
/// It holds resolved facts only (IPs parsed, defaults applied, selectors evaluated), so emitters never look
/// at YAML. Collections are sorted by their natural keys (namespace, name) so iteration order is stable.
package struct ClusterState: Sendable {
    package var settings: ClusterSettings
    package var nodes: [NodeState]
    package var pods: [PodState]
    package var services: [ServiceState]
    package var ingresses: [IngressState]
    /// Sorted by namespace and name.
    package var networkPolicies: [NetworkPolicyState]
    /// Labels of every namespace in play (declared or implied), for policy namespaceSelectors.
    package var namespaceLabels: [String: [String: String]]

    package init(
        settings: ClusterSettings = ClusterSettings(), nodes: [NodeState] = [], pods: [PodState] = [],
        services: [ServiceState] = [], ingresses: [IngressState] = [], networkPolicies: [NetworkPolicyState] = [],
        namespaceLabels: [String: [String: String]] = [:]
    ) {
        self.settings = settings
        self.nodes = nodes
        self.pods = pods
        self.services = services
        self.ingresses = ingresses
        self.networkPolicies = networkPolicies
        self.namespaceLabels = namespaceLabels
    }
}

/// Cluster-wide settings, from the optional `kind: Cluster` document, with kubeadm's defaults.
package struct ClusterSettings: Sendable, Hashable {
    package var clusterDomain = "cluster.local"
    package var serviceCIDRs: [CIDR] = [CIDR("10.96.0.0/12")].compactMap { $0 }
    /// Pod CIDRs handed to nodes without `spec.podCIDR`, one `/nodeCIDRMaskSize` each.
    package var clusterCIDRs: [CIDR] = [CIDR("10.244.0.0/16")].compactMap { $0 }
    package var nodeCIDRMaskSize = 24

    /// The node mask for blocks of a cluster CIDR: `nodeCIDRMaskSize` for the first, the family's default
    /// (24, 64) for a dual-stack second one.
    package func nodeCIDRMaskSize(for cidr: CIDR) -> Int {
        cidr == clusterCIDRs.first ? nodeCIDRMaskSize : (cidr.isV4 ? 24 : 64)
    }
    package var dnsServiceIP: IPAddress = .v4(0x0A60_000A)  // 10.96.0.10
    package var nodePortRange: ClosedRange<Int> = 30000...32767
    package var dnsTTL = 5
    /// kube-proxy `--iptables-masquerade-bit`; the mark is `1 << bit`.
    package var masqueradeBit = 14
    package var masqueradeAll = false
    package var ipvsScheduler = "rr"
    package var ingress = IngressSettings()
    package var kubernetesVersion: String?

    package init() {}
}

/// Where the generated nginx listens and finds certificates.
package struct IngressSettings: Sendable, Hashable {
    package var listenAddress = "0.0.0.0"
    package var httpPort = 80
    package var httpsPort = 443
    package var tlsDirectory = "/etc/kubec/tls"

    package init() {}
}

/// A node as the dataplane sees it.
package struct NodeState: Sendable, Hashable {
    package var name: String
    /// InternalIP addresses first, then ExternalIP, in the order the Node lists them.
    package var addresses: [IPAddress]
    package var podCIDRs: [CIDR]
    package var labels: [String: String]
    package var source: SourceRange?

    package init(name: String, addresses: [IPAddress], podCIDRs: [CIDR], labels: [String: String] = [:], source: SourceRange? = nil) {
        self.name = name
        self.addresses = addresses
        self.podCIDRs = podCIDRs
        self.labels = labels
        self.source = source
    }
}

/// Which controller made a pod.
package struct OwnerReference: Sendable, Hashable {
    package var kind: String
    package var name: String

    package init(kind: String, name: String) {
        self.kind = kind
        self.name = name
    }
}

/// A container port a pod exposes (for named targetPorts and endpoints).
package struct PodPort: Sendable, Hashable {
    package var name: String?
    package var containerPort: Int
    package var proto: PortProtocol

    package init(name: String?, containerPort: Int, proto: PortProtocol) {
        self.name = name
        self.containerPort = containerPort
        self.proto = proto
    }
}

/// TCP, UDP or SCTP.
package enum PortProtocol: String, Sendable, Hashable, Comparable, CaseIterable {
    case tcp = "TCP"
    case udp = "UDP"
    case sctp = "SCTP"

    /// Lower-case form used by iptables (`-p tcp`) and SRV names (`_tcp`).
    package var lowercased: String { rawValue.lowercased() }

    package static func < (lhs: PortProtocol, rhs: PortProtocol) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A pod after placement.
package struct PodState: Sendable, Hashable {
    package var namespace: String
    package var name: String
    package var owner: OwnerReference?
    /// Nil when the pod could not be placed.
    package var nodeName: String?
    /// Nil when unplaced, or when it uses the host network (then `hostNetwork` is true and its IP is the node's).
    /// The primary address: the first of `ips`.
    package var ip: IPAddress?
    /// Every address of the pod, primary first: one per family of its node's pod CIDRs (`status.podIPs`).
    package var ips: [IPAddress]
    package var hostNetwork: Bool
    package var labels: [String: String]
    /// `spec.hostname` (StatefulSet pods get their own name) and `spec.subdomain` (the governing Service).
    package var hostname: String?
    package var subdomain: String?
    package var ports: [PodPort]
    /// True unless the plan knows otherwise; kubec assumes placed pods become ready.
    package var ready: Bool
    package var source: SourceRange?

    package init(
        namespace: String, name: String, owner: OwnerReference? = nil, nodeName: String? = nil, ip: IPAddress? = nil,
        ips: [IPAddress]? = nil, hostNetwork: Bool = false, labels: [String: String] = [:], hostname: String? = nil,
        subdomain: String? = nil, ports: [PodPort] = [], ready: Bool = true, source: SourceRange? = nil
    ) {
        self.namespace = namespace
        self.name = name
        self.owner = owner
        self.nodeName = nodeName
        self.ip = ip ?? ips?.first
        self.ips = ips ?? (ip.map { [$0] } ?? [])
        self.hostNetwork = hostNetwork
        self.labels = labels
        self.hostname = hostname
        self.subdomain = subdomain
        self.ports = ports
        self.ready = ready
        self.source = source
    }
}
