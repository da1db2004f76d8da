import Foundation

/// Issue 12's growth check: every command as a child process at N, 2N, 4N and 8N, with the time ratio per
/// doubling; a step above 2.2 prints a `FAIL` line (and fails `make bench`).
///
/// The ratio is of the child's CPU time (user + system): on a machine shared with other work, wall time varies
/// 2-3× from run to run while CPU time holds far better. Wall time is printed beside.
/// Each size runs at least five times and keeps its least CPU time, so one run slowed by other work on the
/// machine does not read as growth (with three, a step of 1.9-2.0 read as 2.2-2.4 in one run in two on this
/// machine, a different step each time).
///
/// A constant cost (process start, the bundled schemas) makes small sizes look cheap, so ratios below 2 are
/// expected; an all-pairs loop shows as ratios near 4. `reach --matrix` prints one line per pod pair, so its
/// size is the number of matrix cells (pods grow by √2 per step) and its ratio is per doubling of cells.
enum ProcessGrowth {
    static let limit = 2.2

    /// One command at growing sizes: `make(size, directory)` writes the input and returns the arguments.
    struct Case {
        var name: String
        var sizes: [Int]
        var unit: String
        var make: (Int, String) throws -> [String]
    }

    static var cases: [Case] {
        [
            Case(name: "lint apps text", sizes: [3_000, 6_000, 12_000, 24_000], unit: "documents") { size, dir in
                try ClusterInputs.write(
                    ClusterInputs.applications(documents: size, namespaces: 17), layout: .files(perFile: 100), to: dir)
                return ["lint", dir]
            },
            Case(name: "lint apps json", sizes: [3_000, 6_000, 12_000, 24_000], unit: "documents") { size, dir in
                try ClusterInputs.write(
                    ClusterInputs.applications(documents: size, namespaces: 17), layout: .files(perFile: 100), to: dir)
                return ["lint", dir, "--output", "json"]
            },
            Case(name: "lint findings text", sizes: [5_000, 10_000, 20_000, 40_000], unit: "documents") {
                size, dir in
                try ClusterInputs.write(ClusterInputs.findings(services: size / 2), layout: .oneFile, to: dir)
                return ["lint", dir]
            },
            Case(name: "plan findings, no nodes", sizes: [5_000, 10_000, 20_000, 40_000], unit: "documents") {
                size, dir in
                try ClusterInputs.write(ClusterInputs.findings(services: size / 2), layout: .oneFile, to: dir)
                return ["plan", dir]
            },
            Case(name: "plan density json", sizes: [3_750, 7_500, 15_000, 30_000], unit: "pods") {
                size, dir in
                try ClusterInputs.write(
                    ClusterInputs.density(deployments: size / 3, nodes: 1_000), layout: .files(perFile: 500), to: dir)
                return ["plan", dir, "--output", "json"]
            },
            Case(name: "compile n0 iptables", sizes: [2_500, 5_000, 10_000, 20_000],
                 unit: "Services") { size, dir in
                try ClusterInputs.write(
                    ClusterInputs.dataplane(services: size, nodes: 600), layout: .files(perFile: 500), to: dir)
                return ["compile", dir, "-o", dir + "-out", "--node", "n0", "--proxy-mode", "iptables"]
            },
            Case(name: "diff 1% changed", sizes: [3_000, 6_000, 12_000, 24_000], unit: "documents") { size, dir in
                let documents = ClusterInputs.applications(documents: size, namespaces: 17)
                try ClusterInputs.write(documents, layout: .files(perFile: 100), to: dir + "/old")
                try ClusterInputs.write(
                    ClusterInputs.changed(documents, every: 100), layout: .files(perFile: 150), to: dir + "/new")
                return ["diff", dir + "/old", dir + "/new"]
            },
            Case(name: "reach --matrix", sizes: [4_032, 7_656, 16_256, 33_672], unit: "cells") { size, dir in
                let namespaces = [4_032: 8, 7_656: 11, 16_256: 16, 33_672: 23][size] ?? 8
                try ClusterInputs.write(
                    ClusterInputs.reach(namespaces: namespaces, podsPerNamespace: 8, nodes: 10),
                    layout: .files(perFile: 100), to: dir)
                return ["reach", dir, "--matrix"]
            },
        ]
    }

    static func run(workDirectory: String) throws -> [BenchResult] {
        let bench = ProcessBench(workDirectory: workDirectory)
        let only = ProcessInfo.processInfo.environment["KUBEC_BENCH_GROWTH"].map { $0.split(separator: ",").map(String.init) }
        var results: [BenchResult] = []
        for (number, item) in cases.enumerated() where only == nil || only?.contains(String(number)) == true {
            var previous: (size: Int, seconds: Double)? = nil
            for size in item.sizes {
                let directory = workDirectory + "/growth-\(number)-\(size)"
                let arguments = try item.make(size, directory)
                let run = bench.kubec(arguments, runs: max(bench.runs, 5))
                var note = ProcessBench.describe(run)
                var ratio: Double? = nil
                if let previous, previous.seconds > 0 {
                    let doublings = log2(Double(size) / Double(previous.size))
                    ratio = pow(run.cpuSeconds / previous.seconds, 1 / doublings)
                    note = String(format: "cpu ×%.2f per doubling, ", ratio ?? 0) + note
                }
                results.append(BenchResult(
                    name: "\(item.name), \(size) \(item.unit)", seconds: run.seconds, floor: nil, note: note))
                if let ratio, ratio > limit {
                    results.append(BenchResult(
                        name: String(format: "FAIL: %@ cpu ×%.2f > %.1f", item.name, ratio, limit),
                        seconds: run.cpuSeconds, floor: nil))
                }
                previous = (size, run.cpuSeconds)
                try? FileManager.default.removeItem(atPath: directory)
                try? FileManager.default.removeItem(atPath: directory + "-out")
            }
        }
        return results
    }
}
