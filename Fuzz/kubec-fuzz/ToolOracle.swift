import Foundation
import KubeEmit

/// The real tools as oracles for the replay (`make test`): a sample of executions has every emitted file it
/// knows handed to its tool — `iptables-restore --test` and `nft -c -f` inside a throwaway network namespace,
/// `named-checkzone` for zones, `nginx -t` for the ingress config — and a refusal is a violated oracle.
/// Needs root and the tools; under `CI=true` their absence is a failure, elsewhere the sample is skipped.
final class ToolOracle {
    let namespace = "kubec-fuzz-\(getpid())"
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-fuzz-\(getpid())").path
    var tools: [String: String] = [:]
    /// Tool runs so far, for the summary line.
    private(set) var runs = 0
    /// Files checked per tool, for the summary line.
    private(set) var checked: [String: Int] = [:]

    /// `62 (iptables-restore 20, named-checkzone 30, …)`.
    var summary: String {
        "\(runs) (" + checked.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
    }

    static let needed = ["ip", "iptables-restore", "nft", "nginx", "named-checkzone", "openssl"]

    /// Ready to run, or nil with the reason (not root, a tool missing, the namespace or certificate not made).
    static func make() -> (oracle: ToolOracle?, reason: String?) {
        guard getuid() == 0 else { return (nil, "not root") }
        let oracle = ToolOracle()
        for name in needed {
            guard let path = find(name) else { return (nil, "\(name) is not installed") }
            oracle.tools[name] = path
        }
        try? FileManager.default.createDirectory(atPath: oracle.folder + "/temp", withIntermediateDirectories: true)
        guard oracle.run("ip", ["netns", "add", oracle.namespace]).status == 0 else {
            return (nil, "ip netns add \(oracle.namespace) failed")
        }
        let certificate = oracle.run("openssl", [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=fuzz.example.com", "-days", "1",
            "-keyout", oracle.folder + "/tls.key", "-out", oracle.folder + "/tls.crt",
        ])
        guard certificate.status == 0 else {
            oracle.close()
            return (nil, "openssl: \(certificate.output)")
        }
        oracle.runs = 0
        return (oracle, nil)
    }

    /// Deletes the namespace and the scratch folder.
    func close() {
        _ = run("ip", ["netns", "delete", namespace])
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Every refusal by a real tool of one of `files`.
    func check(_ files: [OutputFile]) -> [String] {
        var problems: [String] = []
        for file in files {
            let name = (file.path as NSString).lastPathComponent
            let path = folder + "/input"
            guard FileManager.default.createFile(atPath: path, contents: Data(file.contents)) else { continue }
            let result: (status: Int32, output: String)
            switch name {
            case "iptables.rules":  // ipvs-iptables.rules needs its ipsets loaded first
                result = run("ip", ["netns", "exec", namespace, tools["iptables-restore"] ?? "", "--test", path])
            case "nftables.nft":
                result = run("ip", ["netns", "exec", namespace, tools["nft"] ?? "", "-c", "-f", path])
            case _ where file.path.hasPrefix("dns/") && name.hasSuffix(".zone"):
                result = run("named-checkzone", ["-k", "fail", "-n", "fail", String(name.dropLast(5)), path])
            case "nginx.conf":
                guard FileManager.default.createFile(atPath: path, contents: Data(nginxConfig(file.text).utf8)) else {
                    continue
                }
                result = run("nginx", ["-t", "-q", "-c", path])
            default:
                continue
            }
            checked[name.hasSuffix(".zone") ? "named-checkzone" : name, default: 0] += 1
            if result.status != 0 { problems.append("\(file.path): refused by its tool: \(result.output)") }
        }
        return problems
    }

    /// The emitted config with logs, pid and temp files in the scratch folder and every certificate the
    /// throwaway one; everything else exactly as emitted.
    func nginxConfig(_ text: String) -> String {
        var patched = text
        for (from, to) in [("/run/kubec-nginx.pid", "pid"), ("/var/log/nginx/kubec-error.log", "error.log"),
                           ("/var/log/nginx/kubec-access.log", "access.log"), ("/var/lib/kubec-nginx", "temp")] {
            patched = patched.replacingOccurrences(of: "\"\(from)", with: "\"\(folder)/\(to)")
        }
        return patched.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let trimmed = line.drop { $0 == " " }
            let indent = String(line.prefix(line.count - trimmed.count))
            if trimmed.hasPrefix("ssl_certificate_key ") { return indent + "ssl_certificate_key \"\(folder)/tls.key\";" }
            if trimmed.hasPrefix("ssl_certificate ") { return indent + "ssl_certificate \"\(folder)/tls.crt\";" }
            return String(line)
        }.joined(separator: "\n")
    }

    /// Runs a tool by name; status and combined output (127 when it cannot start).
    func run(_ tool: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tools[tool] ?? tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        runs += 1
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func find(_ name: String) -> String? {
        ["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin", "/sbin", "/bin"].map { $0 + "/" + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
