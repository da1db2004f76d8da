import BenchmarkInputs
import Foundation
import KubePlan
import KubeTestSupport
import Testing

@testable import KubeEmit

/// The real tools: named-checkzone validates every zone, and NSD serves them to `dig`.
///
/// NSD (Debian package `nsd`) runs in the foreground from a config in a temp folder on 127.0.0.1 and a free
/// port, without privileges it does not need (`username: ""`, no chroot, no control socket).
@Suite("DNS zones on real tools", .serialized)
struct DNSZoneEmitterServerTests {
    static let checkzone = DNSNginxTools.find("named-checkzone")
    static let nsd = DNSNginxTools.find("nsd")
    static let dig = DNSNginxTools.find("dig")

    @Test(.enabled(if: RealTool.isCI || checkzone != nil, "named-checkzone (bind9-utils) is not installed"))
    func namedCheckzoneAcceptsEveryZone() throws {
        let folder = DNSNginxTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = DNSZoneEmitter.emit(DNSZoneEmitterFixture.state).files
        try DNSNginxTools.write(files, to: folder)
        for file in files {
            let zone = String(file.path.dropFirst("dns/".count).dropLast(".zone".count))
            let result = try DNSNginxTools.run(
                Self.checkzone ?? "",
                ["-k", "fail", "-n", "fail", "-i", "full", zone, folder.appendingPathComponent(file.path).path])
            #expect(result.status == 0, "named-checkzone rejected \(file.path):\n\(result.output)")
        }
    }

    @Test(.enabled(if: RealTool.isCI || nsd != nil && dig != nil, "nsd or dig is not installed (Debian packages nsd, bind9-dnsutils)"))
    func nsdServesTheSpecAnswers() throws {
        let folder = DNSNginxTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try DNSNginxTools.write(DNSZoneEmitter.emit(DNSZoneEmitterFixture.state).files, to: folder)
        let port = try #require(DNSNginxTools.freePort())
        let config = folder.appendingPathComponent("nsd.conf")
        try nsdConfig(folder: folder, port: port).write(to: config, atomically: true, encoding: .utf8)
        let server = try DNSNginxTools.start(
            Self.nsd ?? "", ["-d", "-c", config.path], log: folder.appendingPathComponent("nsd.log"))
        defer { DNSNginxTools.stop(server) }
        let digger = Digger(tool: Self.dig ?? "", port: port)
        #expect(try digger.waitUntilServing("cluster.local"), "nsd did not answer within 10 s: \(log(folder))")

        #expect(try digger.query("web.prod.svc.cluster.local", "A") == .init("NOERROR", ["10.96.0.20"]))
        #expect(try digger.query("web.prod.svc.cluster.local", "AAAA") == .init("NOERROR", ["fd00:10:96::20"]))
        #expect(
            try digger.query("_http._tcp.web.prod.svc.cluster.local", "SRV")
                == .init("NOERROR", ["0 50 80 web.prod.svc.cluster.local."]))
        #expect(try digger.query("db-0.db.prod.svc.cluster.local", "A") == .init("NOERROR", ["10.244.1.5"]))
        #expect(try digger.query("db-2.db.prod.svc.cluster.local", "A").status == "NXDOMAIN")
        #expect(try digger.query("db.prod.svc.cluster.local", "A") == .init("NOERROR", ["10.244.1.5", "10.244.2.6"]))
        #expect(
            try digger.query("_postgres._tcp.db.prod.svc.cluster.local", "SRV")
                == .init(
                    "NOERROR",
                    [
                        "0 50 5432 db-0.db.prod.svc.cluster.local.", "0 50 5432 db-1.db.prod.svc.cluster.local.",
                    ]))
        #expect(
            try digger.query("peers.prod.svc.cluster.local", "A") == .init("NOERROR", ["10.244.1.10", "10.244.1.11"]))
        #expect(try digger.query("search.prod.svc.cluster.local", "CNAME") == .init("NOERROR", ["search.example.com."]))
        #expect(try digger.query("empty.prod.svc.cluster.local", "A").status == "NXDOMAIN")
        #expect(try digger.query("api.prod.svc.cluster.local", "TXT") == .init("NOERROR", []))
        #expect(try digger.query("dns-version.cluster.local", "TXT") == .init("NOERROR", ["\"1.1.0\""]))
        #expect(try digger.query("20.0.96.10.in-addr.arpa", "PTR") == .init("NOERROR", ["web.prod.svc.cluster.local."]))
        #expect(
            try digger.query("6.2.244.10.in-addr.arpa", "PTR") == .init("NOERROR", ["db-1.db.prod.svc.cluster.local."]))
        #expect(
            try digger.query("0.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.6.9.0.0.0.1.0.0.0.0.d.f.ip6.arpa", "PTR")
                == .init("NOERROR", ["web.prod.svc.cluster.local."]))
        let soa = try digger.query("cluster.local", "SOA")
        #expect(soa.answers.first?.hasPrefix("ns.dns.cluster.local. hostmaster.cluster.local. ") == true)
        #expect(soa.answers.first?.hasSuffix(" 7200 1800 86400 5") == true)
    }

    private func nsdConfig(folder: URL, port: Int) -> String {
        let dir = folder.path
        var text = """
            server:
                ip-address: 127.0.0.1@\(port)
                port: \(port)
                do-ip6: no
                username: ""
                chroot: ""
                zonesdir: "\(dir)/dns"
                database: ""
                zonelistfile: "\(dir)/zone.list"
                xfrdfile: "\(dir)/xfrd.state"
                xfrdir: "\(dir)"
                pidfile: "\(dir)/nsd.pid"
                logfile: "\(dir)/nsd.log"
                server-count: 1
                verbosity: 1
            remote-control:
                control-enable: no

            """
        for zone in ["cluster.local", "in-addr.arpa", "ip6.arpa"] {
            text += "zone:\n    name: \(zone)\n    zonefile: \(zone).zone\n"
        }
        return text
    }

    private func log(_ folder: URL) -> String {
        (try? String(contentsOf: folder.appendingPathComponent("nsd.log"), encoding: .utf8)) ?? ""
    }
}

/// `dig` against one server: status and sorted answer RDATA of one query.
struct Digger {
    struct Answer: Equatable, CustomStringConvertible {
        var status: String
        var answers: [String]

        init(_ status: String, _ answers: [String]) {
            self.status = status
            self.answers = answers
        }

        var description: String { "\(status) \(answers)" }
    }

    let tool: String
    let port: Int

    func query(_ name: String, _ type: String) throws -> Answer {
        let result = try DNSNginxTools.run(
            tool,
            [
                "@127.0.0.1", "-p", String(port), "+time=2", "+tries=2", "+norecurse", "+noall", "+comments", "+answer",
                name, type,
            ],
            timeout: 15)
        var status = "NO-RESPONSE"
        var answers: [String] = []
        for line in result.output.split(separator: "\n") {
            if let range = line.range(of: "status: ") {
                status = String(line[range.upperBound...].prefix { $0 != "," })
            } else if !line.hasPrefix(";") {
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard fields.count >= 5, fields[3] == Substring(type) else { continue }
                answers.append(fields[4...].joined(separator: " "))
            }
        }
        return Answer(status, answers.sorted())
    }

    /// Polls the zone's SOA until the server answers, for at most ten seconds.
    func waitUntilServing(_ zone: String) throws -> Bool {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if try query(zone, "SOA").status == "NOERROR" { return true }
            usleep(100_000)
        }
        return false
    }
}

/// named-checkzone on zones beyond the fixture: the benchmark shape and the glue-NS fallback.
@Suite("DNS zones: named-checkzone on generated zones")
struct DNSZoneEmitterCheckzoneTests {
    static func check(_ state: ClusterState) throws -> [String] {
        let folder = DNSNginxTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = DNSZoneEmitter.emit(state).files
        try DNSNginxTools.write(files, to: folder)
        var failures: [String] = []
        for file in files {
            let zone = String(file.path.dropFirst("dns/".count).dropLast(".zone".count))
            let path = folder.appendingPathComponent(file.path).path
            let result = try DNSNginxTools.run(
                DNSZoneEmitterServerTests.checkzone ?? "", ["-k", "fail", "-n", "fail", "-i", "full", zone, path])
            if result.status != 0 { failures.append(file.path + ": " + result.output) }
        }
        return failures
    }

    @Test(.enabled(if: RealTool.isCI || DNSZoneEmitterServerTests.checkzone != nil, "named-checkzone (bind9-utils) is not installed"))
    func benchmarkShapedZonesPass() throws {
        #expect(try Self.check(DNSBenchmarkInput.state(services: 300, headlessEndpoints: 600)) == [])
    }

    @Test(.enabled(if: RealTool.isCI || DNSZoneEmitterServerTests.checkzone != nil, "named-checkzone (bind9-utils) is not installed"))
    func glueNameServerZonePasses() throws {
        var state = DNSZoneEmitterFixture.state
        state.services.removeAll { $0.name == "kube-dns" }
        state.settings.clusterDomain = "corp.example"
        state.settings.dnsTTL = 30
        #expect(try Self.check(state) == [])
    }
}
