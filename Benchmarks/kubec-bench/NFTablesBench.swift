import BenchmarkInputs
import Foundation
import KubeEmit

/// The nftables figure of `make bench` (issue 15).
///
/// Measures one node's `nftables.nft` for 20,000 Services × 3 endpoints,
/// emitted faster than `nft -c -f` checks the same file (in a throwaway network namespace, when root with `ip`
/// and `nft`), both measured in this run. Self-contained: it prints its own lines; call `runNFTablesBench()`.
func runNFTablesBench() {
    let services = 20_000
    let state = IPTablesBenchmark.cluster(services: services)
    let emitter = NFTablesEmitter()
    var files = emitter.emit(state).files  // warm-up
    var best = Double.infinity
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        files = emitter.emit(state).files
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let bytes = files.first?.contents ?? []
    var line = String(
        format: "nftables 1 node, %d services x 3 endpoints: emit %.3fs, %d bytes", services, best, bytes.count)
    if let check = nftCheckSeconds(bytes, limit: nftCheckLimit) {
        let stopped = check >= nftCheckLimit
        line += String(
            format: "; nft -c -f %@%.3fs%@ (%.1fx the emit): target emit < nft -c: %@", stopped ? ">" : "", check,
            stopped ? ", stopped" : "", check / best, best < check ? "met" : "MISSED")
    } else {
        line += "; nft -c -f not measured (needs root with ip and nft)"
    }
    print(line)
}

/// nft needs minutes to check 80,000 chains; past this many seconds it is stopped, which still
/// bounds its time from below (446 s on the 2-core development machine, December 2026).
private let nftCheckLimit = 120.0

/// Seconds `nft -c -f` needs for `ruleset` in a fresh network namespace (at least `limit` when it had to be
/// stopped); nil unless root with `ip` and `nft`, or when nft fails.
private func nftCheckSeconds(_ ruleset: [UInt8], limit: Double) -> Double? {
    func find(_ name: String) -> String? {
        ["/usr/sbin/", "/sbin/", "/usr/bin/", "/bin/"].map { $0 + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
    guard getuid() == 0, let ip = find("ip"), let nft = find("nft") else { return nil }
    let namespace = "kubec-bench-nft-" + String(UUID().uuidString.prefix(6)).lowercased()
    var stopped = false
    func run(_ arguments: [String], timeout: TimeInterval = 30) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ip)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(5000) }
        if process.isRunning {
            stopped = true
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(namespace).nft")
    guard (try? Data(ruleset).write(to: file)) != nil, run(["netns", "add", namespace]) else { return nil }
    defer {
        _ = run(["netns", "del", namespace])
        try? FileManager.default.removeItem(at: file)
    }
    let start = DispatchTime.now().uptimeNanoseconds
    let checked = run(["netns", "exec", namespace, nft, "-c", "-f", file.path], timeout: limit)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    if stopped { return max(seconds, limit) }
    return checked ? seconds : nil
}
