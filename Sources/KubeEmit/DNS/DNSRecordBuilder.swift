import KubeModel
import KubePlan
import KubeYAML

/// Collects the records of the cluster zone and the PTRs of the reverse zones, one Service at a time.
///
/// Services are fed in (namespace, name) order and each Service's records are sorted before they are
/// appended, so the zone text is deterministic without a final sort over every record.
struct DNSRecordBuilder {
    /// The cluster zone's absolute name, nil when the cluster domain is not a DNS name.
    let zone: String?
    private(set) var records: [ZoneRecord] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var reverse: [(address: IPAddress, target: String)] = []
    private let dnsServiceIP: IPAddress
    /// `namespace/name` → the pod, for the hostname rule of endpoints (EndpointSlice `ShouldSetHostname`).
    private let pods: [String: PodState]

    /// A builder for the cluster domain in `settings`; an invalid domain leaves `zone` nil with a diagnostic.
    init(settings: ClusterSettings, pods: [String: PodState] = [:]) {
        dnsServiceIP = settings.dnsServiceIP
        self.pods = pods
        let domain = settings.clusterDomain
        if DNSName.isSubdomain(domain) {
            zone = DNSName.absolute(domain)
        } else {
            zone = nil
            diagnostics.append(
                Diagnostic(
                    rule: DNSRuleID.invalidClusterDomain, severity: .error,
                    message: "cluster domain '\(domain.prefix(80))' is not a DNS name; no zone files were written",
                    hint: "use lower-case RFC 1123 labels such as 'cluster.local'"))
        }
    }

    /// `namespace/name` → pod for the pods that endpoints of headless Services name: the only ones the hostname
    /// rule asks for (the last of two pods with one name wins). Empty, and nothing hashed, without such endpoints.
    static func podIndex(services: [ServiceState], pods: [PodState]) -> [String: PodState] {
        var named = Set<String>()
        for service in services where service.isHeadless {
            for port in service.ports { for endpoint in port.endpoints { if let pod = endpoint.podName { named.insert(pod) } } }
        }
        guard !named.isEmpty else { return [:] }
        var byName: [String: PodState] = [:]
        for pod in pods {
            let key = pod.namespace + "/" + pod.name
            if named.contains(key) { byName[key] = pod }
        }
        return byName
    }

    /// The zone's NS target: the Service holding the DNS service IP, as CoreDNS names its own Service, or
    /// `ns.dns.<zone>` with a glue address when no such Service is in the cluster.
    func nameServer(services: [ServiceState]) -> (name: String, glue: [ZoneRecord]) {
        let zone = zone ?? "."
        if let own = services.first(where: { $0.clusterIPs.contains(dnsServiceIP) && !$0.isHeadless }),
            DNSName.isLabel(own.name), DNSName.isLabel(own.namespace)
        {
            return ("\(own.name).\(own.namespace).svc.\(zone)", [])
        }
        let name = "ns.dns." + zone
        return (
            name, [ZoneRecord(owner: name, ttl: nil, type: dnsServiceIP.isV4 ? "A" : "AAAA", data: "\(dnsServiceIP)")]
        )
    }

    /// Adds the records of one Service: ClusterIP, headless or ExternalName.
    mutating func add(_ service: ServiceState) {
        guard let zone else { return }
        for (field, label) in [("metadata.namespace", service.namespace), ("metadata.name", service.name)]
        where !DNSName.isLabel(label) {
            report(
                service, DNSRuleID.invalidLabel, field,
                "'\(printable(label))' is not a DNS label; the Service gets no DNS records")
            return
        }
        let ports = service.ports.map(\.port) + service.ports.flatMap { $0.endpoints.map(\.port) }
        if let port = ports.first(where: { !IPTablesGrammar.isPort($0) }) {
            report(
                service, DNSRuleID.invalidPort, "spec.ports",
                "port \(port) is outside 1–65535; the Service gets no DNS records")
            return
        }
        let base = "\(service.name).\(service.namespace).svc.\(zone)"
        guard DNSName.fits(base) else {
            report(
                service, DNSRuleID.nameTooLong, "metadata.name",
                "'\(base)' is longer than 255 octets; the Service gets no DNS records")
            return
        }
        if service.type == .externalName {
            addExternalName(service, base: base)
        } else if service.isHeadless {
            addHeadless(service, base: base)
        } else {
            addClusterIP(service, base: base)
        }
    }

    /// Appends another builder's records, PTRs and diagnostics after this one's (for Services sorted after ours).
    mutating func append(_ other: DNSRecordBuilder) {
        records += other.records
        reverse += other.reverse
        diagnostics += other.diagnostics
    }

    /// The sorted, de-duplicated PTR records whose owners fall in `reverseZone`.
    func pointers(in reverseZone: String) -> [ZoneRecord] {
        let wantV4 = reverseZone == "in-addr.arpa."
        let selected = reverse.filter { $0.address.isV4 == wantV4 }
            .sorted { $0.address != $1.address ? $0.address < $1.address : $0.target < $1.target }
        var result: [ZoneRecord] = []
        result.reserveCapacity(selected.count)
        var previous: (IPAddress, String)?
        for entry in selected {
            if let previous, previous.0 == entry.address, previous.1 == entry.target { continue }
            previous = (entry.address, entry.target)
            result.append(ZoneRecord(owner: DNSName.reverse(entry.address), ttl: nil, type: "PTR", data: entry.target))
        }
        return result
    }

    private mutating func addClusterIP(_ service: ServiceState, base: String) {
        let addresses = Array(Set(service.clusterIPs)).sorted()
        guard !addresses.isEmpty else { return }
        for address in addresses {
            records.append(ZoneRecord(owner: base, ttl: nil, type: address.isV4 ? "A" : "AAAA", data: "\(address)"))
            reverse.append((address, base))
        }
        // One SRV per named port; CoreDNS counts one entry per cluster IP and de-duplicates equal targets.
        let weight = 100 / addresses.count
        for port in namedPorts(service) {
            let owner = "_\(port.name)._\(port.proto.lowercased).\(base)"
            records.append(ZoneRecord(owner: owner, ttl: nil, type: "SRV", data: "0 \(weight) \(port.port) \(base)"))
        }
    }

    private mutating func addExternalName(_ service: ServiceState, base: String) {
        let target = service.externalName ?? ""
        if IPAddress(target) != nil {
            report(
                service, DNSRuleID.invalidExternalName, "spec.externalName",
                "externalName '\(printable(target))' is an IP address; CoreDNS serves no record for it",
                severity: .warning)
            return
        }
        guard DNSName.isSubdomain(target) else {
            report(
                service, DNSRuleID.invalidExternalName, "spec.externalName",
                "externalName '\(printable(target))' is not a lower-case DNS name; the Service gets no CNAME")
            return
        }
        records.append(ZoneRecord(owner: base, ttl: nil, type: "CNAME", data: DNSName.absolute(target)))
    }

    private mutating func addHeadless(_ service: ServiceState, base: String) {
        // Endpoint name per IP: the endpoint hostname when its pod's subdomain names this Service, else dashed IP.
        var names: [IPAddress: String] = [:]
        var perPort: [(port: ServicePortState, endpoints: [EndpointState])] = []
        for port in service.ports {
            let ready = port.endpoints.filter { $0.ready || service.publishNotReadyAddresses }
            perPort.append((port, ready))
            for endpoint in ready where names[endpoint.ip] == nil {
                guard let name = endpointName(endpoint, service: service) else { continue }
                names[endpoint.ip] = name
            }
        }
        guard !names.isEmpty else { return }  // no ready endpoint: NXDOMAIN, as CoreDNS answers
        var hostRecords: [ZoneRecord] = []
        for (address, name) in names.sorted(by: { $0.key < $1.key }) {
            let type = address.isV4 ? "A" : "AAAA"
            records.append(ZoneRecord(owner: base, ttl: nil, type: type, data: "\(address)"))
            let owner = name + "." + base
            guard DNSName.fits(owner) else {
                report(
                    service, DNSRuleID.nameTooLong, "spec.ports", "'\(owner)' is longer than 255 octets; it is left out"
                )
                continue
            }
            hostRecords.append(ZoneRecord(owner: owner, ttl: nil, type: type, data: "\(address)"))
            reverse.append((address, owner))
        }
        records += hostRecords.sorted { ($0.owner, $0.data) < ($1.owner, $1.data) }
        for (port, endpoints) in perPort.sorted(by: { ($0.port.name, $0.port.proto) < ($1.port.name, $1.port.proto) })
        where isSRVName(port.name) && !endpoints.isEmpty {
            let owner = "_\(port.name)._\(port.proto.lowercased).\(base)"
            let weight = 100 / endpoints.count
            var seen = Set<String>()
            var srv: [ZoneRecord] = []
            for endpoint in endpoints {
                guard let name = names[endpoint.ip], DNSName.fits(name + "." + base) else { continue }
                let data = "0 \(weight) \(endpoint.port) \(name).\(base)"
                if seen.insert(data).inserted {
                    srv.append(ZoneRecord(owner: owner, ttl: nil, type: "SRV", data: data))
                }
            }
            records += srv.sorted { $0.data < $1.data }
        }
    }

    /// The label an endpoint is known by, or nil (with a diagnostic) when its hostname is not a label.
    ///
    /// When the endpoint's pod is known, the EndpointSlice controller's rule decides: the pod's hostname names the
    /// endpoint only if its subdomain is this Service in the same namespace; otherwise the dashed IP does.
    private mutating func endpointName(_ endpoint: EndpointState, service: ServiceState) -> String? {
        var hostname = endpoint.hostname
        if let podName = endpoint.podName, let pod = pods[podName] {
            let governed = pod.subdomain == service.name && pod.namespace == service.namespace
            hostname = governed ? (hostname ?? pod.hostname) : nil
        }
        guard let hostname, !hostname.isEmpty else { return DNSName.dashed(endpoint.ip) }
        guard DNSName.isLabel(hostname) else {
            report(
                service, DNSRuleID.invalidLabel, "spec.hostname",
                "endpoint hostname '\(printable(hostname))' is not a DNS label; endpoint \(endpoint.ip) gets no name")
            return nil
        }
        return hostname
    }

    private func namedPorts(_ service: ServiceState) -> [ServicePortState] {
        service.ports.filter { isSRVName($0.name) }.sorted { ($0.name, $0.proto) < ($1.name, $1.proto) }
    }

    /// Port names are IANA_SVC_NAME in the API; anything else (or empty) gets no `_port._proto` SRV.
    private func isSRVName(_ name: String) -> Bool {
        DNSName.isLabel(name) && name.utf8.count <= 15
    }

    private mutating func report(
        _ service: ServiceState, _ rule: String, _ path: String, _ message: String, severity: Severity = .error
    ) {
        diagnostics.append(
            Diagnostic(
                rule: rule, severity: severity, message: message,
                range: path == "spec.externalName" ? service.externalNameSource ?? service.source : service.source,
                object: ObjectIdentity(
                    apiVersion: "v1", kind: "Service", namespace: service.namespace, name: service.name),
                path: path))
    }

    /// A diagnostic-safe excerpt: control characters shown as `?`, at most 80 characters.
    private func printable(_ text: String) -> String {
        String(text.unicodeScalars.prefix(80).map { $0.properties.generalCategory == .control ? "?" : Character($0) })
    }
}
