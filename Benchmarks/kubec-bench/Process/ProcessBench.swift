import Foundation

/// What the process suites share: where `kubec` is, how a run is timed and described, and the floors.
struct ProcessBench {
    let workDirectory: String
    /// `kubec` beside this executable (both built by `make bench`), or `KUBEC_BENCH_KUBEC`.
    let executable: String
    /// Runs per figure (the fastest is kept): `KUBEC_BENCH_RUNS`, default 2.
    let runs: Int

    init(workDirectory: String) {
        self.workDirectory = workDirectory
        let environment = ProcessInfo.processInfo.environment
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("kubec").path
        executable = environment["KUBEC_BENCH_KUBEC"] ?? beside
        runs = environment["KUBEC_BENCH_RUNS"].flatMap(Int.init) ?? 2
    }

    /// `kubec ARGUMENTS`, output to a scratch file; the fastest of `runs`.
    ///
    /// A command with `-o DIR` starts each run with DIR removed and the disk synced: otherwise the second and
    /// third runs pay for deleting the tree of the run before, and any run for writing back the pages of the
    /// step before it, which the kubec being timed did not cause.
    func kubec(_ arguments: [String], runs: Int? = nil) -> ChildProcess.Run {
        let output = arguments.firstIndex(of: "-o").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        let prepare: (() -> Void)? = output.map { folder in
            {
                try? FileManager.default.removeItem(atPath: folder)
                sync()
            }
        }
        return ChildProcess.best(
            runs: runs ?? self.runs, executable, arguments, scratch: workDirectory + "/stdout", before: prepare)
    }

    /// `cpu 1.52 s, exit N, 12.3 MB out, peak 210 MB`.
    static func describe(_ run: ChildProcess.Run) -> String {
        String(format: "cpu %.2f s, ", run.cpuSeconds)
            + "exit \(run.status), \(megabytes(run.outputBytes)) out, peak \(run.peakKilobytes / 1024) MB"
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }

    /// The floor of every lint figure: reading the folder's files and running libyaml's event loop over them,
    /// on one core, with no Swift objects built (best of `runs`).
    static func bareLibYAMLSeconds(directory: String, runs: Int = 3) -> Double {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        return Stopwatch.best(runs: runs) {
            var events = 0
            for name in names {
                let bytes = [UInt8](FileManager.default.contents(atPath: directory + "/" + name) ?? Data())
                events += BareLibYAML.countEvents(bytes)
            }
            return events
        }.seconds
    }

    /// Writing `copies` files of `path`'s bytes into a new folder under `under` (one read, no compute), then
    /// removing them: what the kernel costs for the bytes an all-nodes compile writes.
    static func writeCopiesSeconds(_ path: String, copies: Int, under folder: String) -> Double {
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        sync()  // as before every timed compile
        let start = DispatchTime.now().uptimeNanoseconds
        for index in 0..<copies {
            _ = FileManager.default.createFile(atPath: folder + "/copy-\(index)", contents: data)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        try? FileManager.default.removeItem(atPath: folder)
        return seconds
    }

    /// `iptables-restore --test` on a rules file, in a throwaway network namespace (nil unless root).
    static func iptablesRestoreTestSeconds(_ path: String) -> Double? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return restoreTestSeconds([UInt8](data))
    }
}
