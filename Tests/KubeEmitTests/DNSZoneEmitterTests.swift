import BenchmarkInputs
import Foundation
import KubePlan
import Testing

@testable import KubeEmit

@Suite("DNS zone emitter")
struct DNSZoneEmitterTests {
    private func file(_ name: String, _ state: ClusterState = DNSZoneEmitterFixture.state) -> String {
        DNSZoneEmitter.emit(state).files.first { $0.path == "dns/" + name }?.text ?? ""
    }

    @Test func clusterZoneMatchesGolden() throws {
        try DNSNginxGolden.check(file("cluster.local.zone"), "dns-fixture-cluster.local.zone")
    }

    @Test func reverseZonesMatchGolden() throws {
        try DNSNginxGolden.check(file("in-addr.arpa.zone"), "dns-fixture-in-addr.arpa.zone")
        try DNSNginxGolden.check(file("ip6.arpa.zone"), "dns-fixture-ip6.arpa.zone")
    }

    @Test func emitsOneFilePerZone() {
        let paths = DNSZoneEmitter.emit(DNSZoneEmitterFixture.state).files.map(\.path)
        #expect(paths == ["dns/cluster.local.zone", "dns/in-addr.arpa.zone", "dns/ip6.arpa.zone"])
    }

    @Test func soaAndNSAreShapedLikeCoreDNS() {
        let text = file("cluster.local.zone")
        #expect(text.contains("$TTL 5\n"))
        #expect(text.contains("cluster.local.\t5\tIN\tSOA\tns.dns.cluster.local. hostmaster.cluster.local. "))
        #expect(text.contains(" 7200 1800 86400 5\n"))
        #expect(text.contains("cluster.local.\t5\tIN\tNS\tkube-dns.kube-system.svc.cluster.local.\n"))
    }

    @Test func nameServerFallsBackToGlueWhenNoDNSService() {
        var state = DNSZoneEmitterFixture.state
        state.services.removeAll { $0.name == "kube-dns" }
        let text = file("cluster.local.zone", state)
        #expect(text.contains("IN\tNS\tns.dns.cluster.local.\n"))
        #expect(text.contains("ns.dns.cluster.local.\t\tIN\tA\t10.96.0.10\n"))
    }

    @Test func ttlComesFromSettings() {
        var state = DNSZoneEmitterFixture.state
        state.settings.dnsTTL = 30
        let text = file("cluster.local.zone", state)
        #expect(text.contains("$TTL 30\n"))
        #expect(text.contains(" 7200 1800 86400 30\n"))
    }

    @Test func dnsVersionTXTHasCoreDNSTTL() {
        #expect(file("cluster.local.zone").contains("dns-version.cluster.local.\t28800\tIN\tTXT\t\"1.1.0\"\n"))
    }

    @Test func dualStackClusterIPHasBothAddressesAndHalfWeightSRV() {
        let text = file("cluster.local.zone")
        #expect(text.contains("web.prod.svc.cluster.local.\t\tIN\tA\t10.96.0.20\n"))
        #expect(text.contains("web.prod.svc.cluster.local.\t\tIN\tAAAA\tfd00:10:96::20\n"))
        #expect(
            text.contains("_http._tcp.web.prod.svc.cluster.local.\t\tIN\tSRV\t0 50 80 web.prod.svc.cluster.local.\n"))
    }

    @Test func unnamedPortGetsNoSRV() {
        let text = file("cluster.local.zone")
        #expect(text.contains("api.prod.svc.cluster.local.\t\tIN\tA\t10.96.0.30\n"))
        #expect(!text.contains("SRV\t0 100 8080 api."))
    }

    @Test func statefulSetPodsGetHostnameRecordsOnlyWhenReady() {
        let text = file("cluster.local.zone")
        #expect(text.contains("db-0.db.prod.svc.cluster.local.\t\tIN\tA\t10.244.1.5\n"))
        #expect(text.contains("db-1.db.prod.svc.cluster.local.\t\tIN\tA\t10.244.2.6\n"))
        #expect(!text.contains("db-2.db"))
        #expect(!text.contains("10.244.3.7"))
    }

    @Test func publishNotReadyAddressesNamesNotReadyPods() {
        var state = DNSZoneEmitterFixture.state
        if let index = state.services.firstIndex(where: { $0.name == "db" }) {
            state.services[index].publishNotReadyAddresses = true
        }
        #expect(file("cluster.local.zone", state).contains("db-2.db.prod.svc.cluster.local.\t\tIN\tA\t10.244.3.7\n"))
    }

    @Test func headlessSRVTargetsEachEndpointName() {
        let text = file("cluster.local.zone")
        #expect(
            text.contains(
                "_postgres._tcp.db.prod.svc.cluster.local.\t\tIN\tSRV\t0 50 5432 db-0.db.prod.svc.cluster.local.\n"))
        #expect(
            text.contains(
                "_gossip._udp.peers.prod.svc.cluster.local.\t\tIN\tSRV\t0 33 7946 10-244-1-10.peers.prod.svc.cluster.local.\n"
            ))
        #expect(text.contains("\t0 33 7946 fd00-10-244-1--c.peers.prod.svc.cluster.local.\n"))
    }

    @Test func hostnameIsIgnoredWhenPodSubdomainNamesAnotherService() {
        var state = DNSZoneEmitterFixture.state
        state.pods[0].subdomain = "other"
        let text = file("cluster.local.zone", state)
        #expect(!text.contains("db-0.db.prod"))
        #expect(text.contains("10-244-1-5.db.prod.svc.cluster.local.\t\tIN\tA\t10.244.1.5\n"))
    }

    @Test func podHostnameNamesEndpointWhenSubdomainMatches() {
        var state = DNSZoneEmitterFixture.state
        if let index = state.services.firstIndex(where: { $0.name == "db" }) {
            state.services[index].ports[0].endpoints[0].hostname = nil
        }
        #expect(file("cluster.local.zone", state).contains("db-0.db.prod.svc.cluster.local.\t\tIN\tA\t10.244.1.5\n"))
    }

    @Test func headlessWithoutReadyEndpointsHasNoRecords() {
        #expect(!file("cluster.local.zone").contains("empty.prod"))
    }

    @Test func externalNameIsACNAME() {
        #expect(
            file("cluster.local.zone").contains("search.prod.svc.cluster.local.\t\tIN\tCNAME\tsearch.example.com.\n"))
    }

    @Test func ipExternalNameIsWarnedAndLeftOut() {
        let result = DNSZoneEmitter.emit(DNSZoneEmitterFixture.state)
        #expect(!(result.files.first?.text.contains("legacy.prod") ?? true))
        #expect(result.diagnostics.map(\.rule) == [DNSRuleID.invalidExternalName])
        #expect(result.diagnostics.first?.severity == .warning)
    }

    @Test func pointerRecordsFollowTheSpec() {
        let v4 = file("in-addr.arpa.zone")
        #expect(v4.contains("20.0.96.10.in-addr.arpa.\t\tIN\tPTR\tweb.prod.svc.cluster.local.\n"))
        #expect(v4.contains("5.1.244.10.in-addr.arpa.\t\tIN\tPTR\tdb-0.db.prod.svc.cluster.local.\n"))
        let v6 = file("ip6.arpa.zone")
        let nibbles = "0.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.9.0.0.0.1.0.0.0.0.d.f.ip6.arpa."
        #expect(v6.contains(nibbles + "\t\tIN\tPTR\tweb.prod.svc.cluster.local.\n"))
    }

    @Test func parallelEmissionIsDeterministic() {
        let state = DNSBenchmarkInput.state(services: 700, headlessEndpoints: 300)
        var shuffled = state
        shuffled.services.reverse()
        let first = DNSZoneEmitter.emit(state).files
        #expect(DNSZoneEmitter.emit(shuffled).files == first)
        let text = first.first?.text ?? ""
        #expect(text.contains("svc-0.ns-0.svc.cluster.local.") && text.contains("svc-699.ns-99.svc.cluster.local."))
    }

    @Test func outputIsIndependentOfInputOrder() {
        var shuffled = DNSZoneEmitterFixture.state
        shuffled.services.reverse()
        for index in shuffled.services.indices { shuffled.services[index].ports.reverse() }
        #expect(DNSZoneEmitter.emit(shuffled).files == DNSZoneEmitter.emit(DNSZoneEmitterFixture.state).files)
    }
}
