import BenchmarkInputs
import Foundation
import KubeEmit

/// The dataplane figures of `make bench` (ISSUE 6): one node's `iptables.rules` for 10,000 and 20,000
/// Services × 3 endpoints, with the time `iptables-restore --test` takes on the same file (in a throwaway
/// network namespace, when root) and the ratio; then all 100 nodes of a 2,000-Service cluster against one
/// node's time and the time to write the bytes. Call `runDataplaneBench()` from main.swift.
func runDataplaneBench() {
    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
    func format(_ value: Double) -> String { String(format: "%.3f", value) }

    for services in [10_000, 20_000] {
        let state = IPTablesBenchmark.cluster(services: services)
        _ = IPTablesBenchmark.measure(state)  // warm-up
        let cpuStart = processCPUSeconds()
        let run = IPTablesBenchmark.measure(state)
        let cpu = processCPUSeconds() - cpuStart
        var line =
            "iptables 1 node, \(services) services x 3 endpoints: emit \(format(run.seconds))s wall"
            + " (\(format(cpu))s CPU over all cores), \(run.bytes) bytes"
        if let file = run.files.first, let restore = restoreTestSeconds(file.contents) {
            line += ", iptables-restore --test \(format(restore))s (ratio \(format(restore / run.seconds)))"
        }
        line += services == 20_000 ? " [target emit <= 0.3s]" : ""
        print(line)
    }

    let one = IPTablesBenchmark.measure(IPTablesBenchmark.cluster(services: 2_000, nodes: 1))
    let all = IPTablesBenchmark.measure(IPTablesBenchmark.cluster(services: 2_000, nodes: 100))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kubec-bench-\(UUID().uuidString)")
    let clock = ContinuousClock()
    let write = clock.measure {
        for file in all.files {
            let url = folder.appendingPathComponent(file.path)
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(file.contents).write(to: url)
        }
    }
    try? FileManager.default.removeItem(at: folder)
    let budget = 3 * one.seconds + seconds(write)
    print(
        "iptables 100 nodes, 2000 services: emit \(format(all.seconds))s for \(all.bytes) bytes; one node \(format(one.seconds))s;"
            + " write \(format(seconds(write)))s; target <= 3 x one node + write = \(format(budget))s"
            + (all.seconds <= budget ? " (met)" : " (MISSED)"))
}

/// User plus system CPU time of this process so far: wall time alone is noisy on a shared machine.
private func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// Seconds `iptables-restore --test` needs for `rules` in a fresh network namespace; nil unless root with `ip`.
func restoreTestSeconds(_ rules: [UInt8]) -> Double? {
    guard getuid() == 0,
        FileManager.default.isExecutableFile(atPath: "/usr/sbin/ip")
            || FileManager.default.isExecutableFile(atPath: "/sbin/ip")
    else { return nil }
    let ip = FileManager.default.isExecutableFile(atPath: "/usr/sbin/ip") ? "/usr/sbin/ip" : "/sbin/ip"
    let namespace = "kubec-bench-" + String(UUID().uuidString.prefix(6)).lowercased()
    func run(_ arguments: [String], input: URL? = nil, timeout: TimeInterval = 30) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ip)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if let input { process.standardInput = try? FileHandle(forReadingFrom: input) }
        guard (try? process.run()) != nil else { return false }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(5000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("\(namespace).rules")
    guard (try? Data(rules).write(to: file)) != nil, run(["netns", "add", namespace]) else { return nil }
    defer {
        _ = run(["netns", "del", namespace])
        try? FileManager.default.removeItem(at: file)
    }
    let start = ContinuousClock.now
    guard run(["netns", "exec", namespace, "iptables-restore", "--test"], input: file, timeout: 600) else { return nil }
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}
