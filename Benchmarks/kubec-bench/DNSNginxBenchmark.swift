// For Benchmarks/kubec-bench/ (the lead owns that folder): move this file there and add
// `("dnsnginx", DNSNginxBenchmark.run)` to `suites` in main.swift.
import BenchmarkInputs
import Foundation
import KubeEmit
import KubePlan

/// Issue 7's figures: the DNS zone for 10,000 Services plus 1,000 headless Services with 30,000 endpoints, and
/// nginx.conf for 1,000 Ingresses with 10,000 paths; each beside the real tool's time on the same files
/// (named-checkzone on every zone, `nginx -t` on the config), measured in the same run.
enum DNSNginxBenchmark {
    static func run(workDirectory: String) throws -> [BenchResult] {
        let folder = workDirectory + "/dnsnginx"
        try FileManager.default.createDirectory(atPath: folder + "/tmp", withIntermediateDirectories: true)
        let dnsState = DNSBenchmarkInput.state()
        let dns = Stopwatch.best { DNSZoneEmitter.emit(dnsState).files }
        try write(dns.result, to: folder)
        var checkzone = 0.0
        for file in dns.result {
            let zone = String(file.path.dropFirst("dns/".count).dropLast(".zone".count))
            checkzone += try time("/usr/bin/named-checkzone", ["-q", zone, folder + "/" + file.path])
        }

        var nginxState = NginxBenchmarkInput.state()
        nginxState.settings.ingress.listenAddress = "127.0.0.1"
        nginxState.settings.ingress.tlsDirectory = folder + "/tls"
        var options = NginxOptions()
        options.pidPath = folder + "/nginx.pid"
        options.errorLogPath = folder + "/error.log"
        options.accessLogPath = nil
        options.tempDirectory = folder + "/tmp"
        let nginx = Stopwatch.best { NginxEmitter.emit(nginxState, options: options).files }
        try write(nginx.result, to: folder)
        try makeCertificates(for: nginxState, under: folder + "/tls")
        let nginxTest = try time(
            "/usr/sbin/nginx", ["-t", "-q", "-e", folder + "/error.log", "-c", folder + "/ingress/nginx.conf"])

        let dnsBytes = dns.result.map(\.contents.count).reduce(0, +)
        let nginxBytes = nginx.result.map(\.contents.count).reduce(0, +)
        return [
            BenchResult(
                name: "DNS zones (10k svc + 30k headless eps)", seconds: dns.seconds, floor: nil, target: 0.2,
                note: String(format: "%.1f MB, %.2f× named-checkzone", Double(dnsBytes) / 1e6, dns.seconds / checkzone)),
            BenchResult(name: "named-checkzone on the same zones", seconds: checkzone, floor: nil, note: "once"),
            BenchResult(
                name: "nginx.conf (1k ingresses, 10k paths)", seconds: nginx.seconds, floor: nil, target: 0.2,
                note: String(format: "%.1f MB, %.3f× nginx -t", Double(nginxBytes) / 1e6, nginx.seconds / nginxTest)),
            BenchResult(name: "nginx -t on the same config", seconds: nginxTest, floor: nil, note: "once"),
        ]
    }

    struct ToolFailed: Error, CustomStringConvertible {
        var description: String
    }

    private static func write(_ files: [OutputFile], to folder: String) throws {
        for file in files {
            let url = URL(fileURLWithPath: folder + "/" + file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents).write(to: url)
        }
    }

    /// Wall time of one run of a tool, which must succeed.
    private static func time(_ tool: String, _ arguments: [String]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now().uptimeNanoseconds
        try process.run()
        process.waitUntilExit()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard process.terminationStatus == 0 else {
            throw ToolFailed(description: "\(tool) \(arguments.joined(separator: " ")) exited \(process.terminationStatus)")
        }
        return seconds
    }

    /// One throwaway certificate copied to `<tls>/<namespace>/<secret>/tls.{crt,key}` for every TLS secret.
    private static func makeCertificates(for state: ClusterState, under tls: String) throws {
        try FileManager.default.createDirectory(atPath: tls, withIntermediateDirectories: true)
        _ = try time("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=kubec-bench",
            "-keyout", tls + "/key.pem", "-out", tls + "/cert.pem",
        ])
        for ingress in state.ingresses {
            for secret in ingress.tls.compactMap(\.secretName) {
                let folder = "\(tls)/\(ingress.namespace)/\(secret)"
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try? FileManager.default.removeItem(atPath: folder + "/tls.crt")
                try? FileManager.default.removeItem(atPath: folder + "/tls.key")
                try FileManager.default.copyItem(atPath: tls + "/cert.pem", toPath: folder + "/tls.crt")
                try FileManager.default.copyItem(atPath: tls + "/key.pem", toPath: folder + "/tls.key")
            }
        }
    }
}
