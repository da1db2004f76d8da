import Foundation
import KubeEmit
import KubeTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Running the real tools (named-checkzone, nsd, dig, nginx, python3, openssl) from the DNS and nginx
/// emitter tests, always with a bounded wait.
enum DNSNginxTools {
    /// Hands each compiled zone file (`dns/ORIGIN.zone`) to `named-checkzone -k fail -n fail ORIGIN` and expects
    /// it accepted.
    static func checkZones(_ zones: [OutputFile], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let checker = try #require(find("named-checkzone"), sourceLocation: sourceLocation)
        for zone in zones {
            let path = folder.appendingPathComponent((zone.path as NSString).lastPathComponent)
            try Data(zone.contents).write(to: path)
            let origin = String((zone.path as NSString).lastPathComponent.dropLast(".zone".count))
            let result = try run(checker, ["-k", "fail", "-n", "fail", origin, path.path])
            #expect(result.status == 0, "\(zone.path): \(result.output)", sourceLocation: sourceLocation)
        }
    }

    /// Absolute path of a tool, or nil when it is not installed.
    static func find(_ name: String) -> String? {
        for folder in ["/usr/sbin", "/usr/bin", "/usr/local/bin", "/usr/local/sbin", "/bin", "/sbin"] {
            let path = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs a tool to completion (stdout and stderr together), killing it after `timeout` seconds.
    static func run(_ tool: String, _ arguments: [String], timeout: Double = 60) throws -> Result {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let log = folder.appendingPathComponent("output.txt")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(5_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            return Result(
                status: -1,
                output: "timed out after \(timeout)s\n" + ((try? String(contentsOf: log, encoding: .utf8)) ?? ""))
        }
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    /// Starts a long-running server with its output in `log`; stop it with `stop`.
    static func start(_ tool: String, _ arguments: [String], log: URL) throws -> Process {
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    /// SIGTERM, then SIGKILL after two seconds; waits for the exit either way.
    static func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(2)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// A fresh folder under the system temp directory.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-dnsnginx-" + UUID().uuidString)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A TCP port on `address` that was free a moment ago (bind to port 0, read it back, close).
    static func freePort(_ address: String = "127.0.0.1") -> Int? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        inet_pton(AF_INET, address, &addr.sin_addr)
        let bound = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { return nil }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { return nil }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// True once a TCP connection to address:port succeeds, polling until `timeout` seconds pass.
    static func waitForTCP(_ address: String, _ port: Int, timeout: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = UInt16(port).bigEndian
            inet_pton(AF_INET, address, &addr.sin_addr)
            let connected = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            close(fd)
            if connected == 0 { return true }
            usleep(50_000)
        }
        return false
    }

    /// Writes emitted files under `folder`, creating subfolders.
    static func write(_ files: [OutputFile], to folder: URL) throws {
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents).write(to: url)
        }
    }
}

/// Golden files beside the tests: compared byte for byte, re-recorded only with `KUBEC_RECORD=1`.
enum DNSNginxGolden {
    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = RepositoryPaths.root + "/Tests/KubeEmitTests/Golden/" + name
        if ProcessInfo.processInfo.environment["KUBEC_RECORD"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOfFile: path, encoding: .utf8)
        #expect(
            expected != nil, "golden file \(name) is missing; record it with KUBEC_RECORD=1",
            sourceLocation: sourceLocation)
        #expect(
            text == expected, "output differs from Golden/\(name); re-record with KUBEC_RECORD=1 after review",
            sourceLocation: sourceLocation)
    }
}
