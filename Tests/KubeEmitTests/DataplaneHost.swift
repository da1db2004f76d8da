import Foundation
import Glibc
import KubeTestSupport

/// Running real tools for the dataplane tests: processes with timeouts, and network namespaces the test creates
/// and always deletes. Only addresses inside those namespaces are ever configured.
enum DataplaneHost {
    /// One finished command.
    struct Result {
        var status: Int32
        var output: String
        var error: String
        var timedOut: Bool
        var succeeded: Bool { status == 0 && !timedOut }
    }

    static func executable(_ name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/sbin:/sbin:/usr/bin:/bin"
        for folder in paths.split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
            return "\(folder)/\(name)"
        }
        return nil
    }

    static var isRoot: Bool { getuid() == 0 }

    /// Root with `ip`, `iptables-restore` and `ipset`: namespace tests can run.
    static var canUseNamespaces: Bool {
        isRoot && executable("ip") != nil && executable("iptables-restore") != nil && executable("ipset") != nil
    }

    /// Whether `ip link add … type dummy` works (tried once in a throwaway namespace).
    static let canCreateDummyLinks: Bool = {
        guard canUseNamespaces else { return false }
        let namespace = uniquePrefix()
        return withNamespaces([namespace]) {
            exec(namespace, ["ip", "link", "add", "probe0", "type", "dummy"], timeout: 10).succeeded
        }
    }()

    /// Namespaces plus python3 for the packet test's servers and probes.
    static var canRunPacketTest: Bool {
        canUseNamespaces && executable("python3") != nil && executable("iptables") != nil
    }

    /// Runs `arguments` (first is looked up in PATH), feeding `input`, killing it after `timeout` seconds.
    @discardableResult
    static func run(_ arguments: [String], input: [UInt8]? = nil, timeout: TimeInterval = 20) -> Result {
        guard let first = arguments.first, let path = first.hasPrefix("/") ? first : executable(first) else {
            return Result(status: 127, output: "", error: "not found: \(arguments.first ?? "")", timedOut: false)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = Array(arguments.dropFirst())
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-dp-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        guard let out = try? FileHandle(forWritingTo: outURL), let err = try? FileHandle(forWritingTo: errURL) else {
            return Result(status: 126, output: "", error: "cannot create output files", timedOut: false)
        }
        process.standardOutput = out
        process.standardError = err
        if let input {
            let inURL = scratch.appendingPathComponent("in")
            _ = FileManager.default.createFile(atPath: inURL.path, contents: Data(input))
            process.standardInput = try? FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        do { try process.run() } catch {
            return Result(status: 126, output: "", error: "\(error)", timedOut: false)
        }
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                kill(process)
                break
            }
            usleep(2000)
        }
        process.waitUntilExit()
        try? out.close()
        try? err.close()
        let output = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let error = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return Result(status: process.terminationStatus, output: output, error: error, timedOut: timedOut)
    }

    /// SIGKILL: children spawned from test threads inherit a mask that blocks SIGTERM, so `terminate()` is not
    /// enough.
    static func kill(_ process: Process) {
        guard process.isRunning else { return }
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
    }

    /// A fresh, unique namespace-name prefix: `kubec-t-XXXXXX`.
    static func uniquePrefix() -> String {
        "kubec-t-" + String(UUID().uuidString.prefix(6)).lowercased()
    }

    /// Creates the namespaces, runs `body`, and deletes them whatever happens.
    static func withNamespaces<T>(_ names: [String], _ body: () throws -> T) rethrows -> T {
        var created: [String] = []
        defer { for name in created.reversed() { run(["ip", "netns", "del", name], timeout: 10) } }
        for name in names where run(["ip", "netns", "add", name], timeout: 10).succeeded {
            created.append(name)
            run(["ip", "-n", name, "link", "set", "lo", "up"], timeout: 10)
        }
        return try body()
    }

    /// Runs a command inside a namespace.
    @discardableResult
    static func exec(_ namespace: String, _ arguments: [String], input: [UInt8]? = nil, timeout: TimeInterval = 20)
        -> Result
    {
        run(["ip", "netns", "exec", namespace] + arguments, input: input, timeout: timeout)
    }

    /// `scripts/dataplane/NAME`.
    static func script(_ name: String) -> String { RepositoryPaths.root + "/scripts/dataplane/" + name }
}
