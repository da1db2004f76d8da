import KubePlan
import KubeYAML

/// Emits the zones CoreDNS's `kubernetes` plugin serves: the cluster zone plus `in-addr.arpa` and `ip6.arpa`.
///
/// Records follow the Kubernetes DNS-Based Service Discovery spec 1.1.0 with CoreDNS's choices where the spec
/// leaves room: SRV priority 0 and weight `floor(100 / N)`, dashed-IP names for endpoints without a hostname,
/// SOA timers 7200/1800/86400, the `dns-version` TXT with TTL 28800. Deliberate differences, documented:
/// no bare-name SRV (a CoreDNS extension beyond the spec), endpoint names only for headless Services (as in
/// CoreDNS's AXFR), and a serial derived from the content instead of the clock, so output is deterministic.
package enum DNSZoneEmitter {
    /// The schema version CoreDNS answers at `dns-version.<zone>`.
    static let schemaVersion = "1.1.0"
    /// CoreDNS serves the `dns-version` TXT with this TTL whatever the `ttl` option.
    static let schemaVersionTTL = 28800

    /// Builds `dns/<clusterDomain>.zone`, `dns/in-addr.arpa.zone` and `dns/ip6.arpa.zone` for `state`.
    ///
    /// Names that cannot be DNS labels, names over 255 octets and IP-valued ExternalNames never reach a
    /// file; each becomes a diagnostic and the rest of the cluster is still emitted.
    package static func emit(_ state: ClusterState) -> (files: [OutputFile], diagnostics: [Diagnostic]) {
        let probe = DNSRecordBuilder(settings: state.settings)
        guard let zone = probe.zone else { return ([], probe.diagnostics) }
        let services = state.services.sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        let nameServer = probe.nameServer(services: services)
        // Two halves of the sorted Services on two cores, concatenated in order.
        let middle = services.count / 2
        let pods = DNSRecordBuilder.podIndex(services: services, pods: state.pods)
        let halves = ParallelSlots.map(services.count >= 512 ? 2 : 1) { index -> DNSRecordBuilder in
            var builder = DNSRecordBuilder(settings: state.settings, pods: pods)
            let range = services.count >= 512 ? (index == 0 ? 0..<middle : middle..<services.count) : 0..<services.count
            for service in services[range] { builder.add(service) }
            return builder
        }
        var builder = halves[0]
        for other in halves.dropFirst() { builder.append(other) }

        let ttl = max(0, min(state.settings.dnsTTL, 3600))
        let zones = [zone, "in-addr.arpa.", "ip6.arpa."]
        let texts = ParallelSlots.map(zones.count) { index -> [UInt8] in
            let origin = zones[index]
            let apex = ZoneApex(origin: origin, ttl: ttl, nameServer: nameServer.name)
            guard index == 0 else {
                return ZoneWriter.render(apex: apex, apexRecords: [], records: builder.pointers(in: origin))
            }
            let version = ZoneRecord(
                owner: "dns-version." + zone, ttl: schemaVersionTTL, type: "TXT", data: "\"\(schemaVersion)\"")
            return ZoneWriter.render(apex: apex, apexRecords: [version] + nameServer.glue, records: builder.records)
        }
        let files = zip(zones, texts).map { OutputFile(path: "dns/\($0.dropLast()).zone", contents: $1) }
        return (files, builder.diagnostics)
    }
}

/// The rule ids of the DNS emitter's diagnostics.
package enum DNSRuleID {
    /// The cluster domain is not a DNS name; no zone is written.
    package static let invalidClusterDomain = "dns-invalid-cluster-domain"
    /// A namespace, Service or endpoint hostname is not an RFC 1123 label; its records are left out.
    package static let invalidLabel = "dns-invalid-label"
    /// A name would exceed 255 octets on the wire; its records are left out.
    package static let nameTooLong = "dns-name-too-long"
    /// An ExternalName is not a domain name (CoreDNS serves no CNAME for it).
    package static let invalidExternalName = "dns-invalid-external-name"
    /// A port or endpoint port is outside 1–65535 (an SRV record's port is 16 bits); the Service gets no records.
    package static let invalidPort = "dns-invalid-port"
}
