import KubeModel
import KubeYAML

/// Cluster IPs and node ports for Services.
///
/// Given values are honoured (an address outside `serviceCIDR`, a node port outside `nodePortRange`, or a
/// value another Service already holds is an error finding; a duplicate is then re-allocated so the state
/// stays consistent). Missing ones are allocated with `HashAllocator`. Reserved: the network and IPv4
/// broadcast addresses, the first address (the `default/kubernetes` Service's) and `dnsServiceIP` (which
/// `kube-system/kube-dns` gets when it names none, as kubeadm sets it).
struct ServiceIPAM {
    let settings: ClusterSettings
    private var ipAllocators: [HashAllocator]
    private var portAllocator: HashAllocator
    private(set) var diagnostics: [Diagnostic] = []

    init(settings: ClusterSettings) {
        self.settings = settings
        ipAllocators = settings.serviceCIDRs.map { cidr in
            var allocator = HashAllocator(size: cidr.size)
            allocator.reserve(0)
            allocator.reserve(1)
            if cidr.isV4, cidr.size > 1 { allocator.reserve(cidr.size - 1) }
            if cidr.contains(settings.dnsServiceIP) { allocator.reserve(Self.offset(settings.dnsServiceIP, in: cidr)) }
            return allocator
        }
        portAllocator = HashAllocator(size: UInt64(settings.nodePortRange.count))
    }

    static func offset(_ address: IPAddress, in cidr: CIDR) -> UInt64 {
        switch (address, cidr.network) {
        case (.v4(let value), .v4(let base)): UInt64(value &- base)
        case (.v6(_, let low), .v6(_, let base)): low &- base
        default: 0
        }
    }

    /// Records the explicit cluster IP of a Service; false (with a finding) when it cannot be honoured.
    mutating func claim(_ address: IPAddress, _ service: Service, _ object: ObjectIdentity) -> Bool {
        let isKubernetes = service.metadata.namespace == "default" && service.metadata.name == "kubernetes"
        let isDNS = address == settings.dnsServiceIP
        guard let index = settings.serviceCIDRs.firstIndex(where: { $0.contains(address) }) else {
            report(
                "service-cluster-ip-out-of-range", service, object, "spec.clusterIP",
                "clusterIP \(address) is not in the service CIDR \(settings.serviceCIDRs.map(\.description).joined(separator: ","))"
            )
            return true
        }
        let offset = Self.offset(address, in: settings.serviceCIDRs[index])
        if (offset == 1 && isKubernetes) || isDNS { return true }
        if !ipAllocators[index].reserve(offset) {
            report(
                "service-cluster-ip-conflict", service, object, "spec.clusterIP",
                "clusterIP \(address) is already allocated to another Service")
            return false
        }
        return true
    }

    /// Allocates cluster IPs, one per family `families` returns, in that order.
    mutating func allocate(_ service: Service, object: ObjectIdentity) -> [IPAddress] {
        let namespace = service.metadata.namespace ?? "default"
        if namespace == "default", service.metadata.name == "kubernetes", let first = settings.serviceCIDRs.first {
            return [first.address(at: 1)]
        }
        if namespace == "kube-system", service.metadata.name == "kube-dns" { return [settings.dnsServiceIP] }
        var result: [IPAddress] = []
        for family in families(service, object: object) {
            guard let index = settings.serviceCIDRs.firstIndex(where: { family.contains($0.network) }),
                  let offset = ipAllocators[index].allocate(key: "\(namespace)/\(service.metadata.name)")
            else { continue }
            result.append(settings.serviceCIDRs[index].address(at: offset))
        }
        return result
    }

    /// The IP families a Service gets, as the API server's allocator picks them: `ipFamilies` in order (else the
    /// cluster's primary family first), one for SingleStack (the default), both for PreferDualStack and
    /// RequireDualStack when the cluster has both. A family the cluster lacks, or RequireDualStack on a
    /// single-stack cluster, is refused with the API server's message, and the Service (which the API server
    /// would not create) gets no address.
    mutating func families(_ service: Service, object: ObjectIdentity) -> [IPFamily] {
        var configured: [IPFamily] = []
        for cidr in settings.serviceCIDRs where !configured.contains(IPFamily(of: cidr.network)) {
            configured.append(IPFamily(of: cidr.network))
        }
        let spec = service.spec
        let policy = spec.ipFamilyPolicy ?? "SingleStack"
        var refused = false
        if policy == "RequireDualStack", configured.count < 2 {
            refused = true
            report("service-ip-family-unavailable", service, object, "spec.ipFamilyPolicy",
                   range: spec.node?["ipFamilyPolicy"]?.range,
                   "spec.ipFamilyPolicy: Invalid value: \"RequireDualStack\": this cluster is not configured for dual-stack services")
        }
        var requested: [IPFamily] = []
        for (index, text) in spec.ipFamilies.enumerated() {
            guard let family = IPFamily(rawValue: text) else { continue }
            if !configured.contains(family) {
                refused = true
                report("service-ip-family-unavailable", service, object, "spec.ipFamilies[\(index)]",
                       range: spec.node?["ipFamilies"]?.items.dropFirst(index).first?.range,
                       "spec.ipFamilies[\(index)]: Invalid value: \"\(text)\": \(text) is not configured on this cluster")
            }
            if !requested.contains(family) { requested.append(family) }
        }
        if refused { return [] }
        let ordered = requested + configured.filter { !requested.contains($0) }
        let available = ordered.filter(configured.contains)
        return policy == "PreferDualStack" || policy == "RequireDualStack" ? Array(available.prefix(2))
            : Array(available.prefix(1))
    }

    /// Records an explicit node port; false (with a finding) when it is out of range or taken.
    mutating func claimPort(
        _ port: Int, _ service: Service, _ object: ObjectIdentity, path: String, range: SourceRange?
    )
        -> Bool
    {
        guard settings.nodePortRange.contains(port) else {
            report(
                "service-node-port-out-of-range", service, object, path, range: range,
                "nodePort \(port) is not in the node port range \(settings.nodePortRange.lowerBound)-\(settings.nodePortRange.upperBound)"
            )
            return true
        }
        if !portAllocator.reserve(UInt64(port - settings.nodePortRange.lowerBound)) {
            report(
                "service-node-port-conflict", service, object, path, range: range,
                "nodePort \(port) is already allocated to another Service")
            return false
        }
        return true
    }

    /// Allocates a node port for `key`.
    mutating func allocatePort(key: String) -> Int? {
        portAllocator.allocate(key: key).map { settings.nodePortRange.lowerBound + Int($0) }
    }

    private mutating func report(
        _ rule: String, _ service: Service, _ object: ObjectIdentity, _ path: String,
        range: SourceRange? = nil, _ message: String
    ) {
        let node = path.hasPrefix("spec.clusterIP") ? service.node["spec"]?["clusterIP"] : nil
        diagnostics.append(
            Diagnostic(
                rule: rule, severity: .error, message: message,
                range: range ?? node?.range ?? service.node.range, object: object, path: path))
    }
}
