import Foundation

/// Runs an executable as a child process, as a user's shell would, and measures it: wall time and the
/// child's own peak resident memory (`wait4`'s rusage, what `/usr/bin/time -f %M` prints).
enum ChildProcess {
    struct Run {
        var seconds: Double
        /// Peak resident set of the child, in kilobytes.
        var peakKilobytes: Int
        /// User plus system CPU time of the child: steadier than wall time on a shared machine.
        var cpuSeconds: Double
        var status: Int32
        /// Bytes the child wrote to standard output.
        var outputBytes: Int
        /// Every run's wall time, in the order run (one entry for a single run).
        var walls: [Double] = []

        /// The middle wall time of the runs (the mean of the two middle ones for an even count).
        var medianSeconds: Double {
            let sorted = (walls.isEmpty ? [seconds] : walls).sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }

    /// Runs `executable` with `arguments`, standard input from `stdin` (or /dev/null), standard output to a
    /// scratch file (its size is returned) and standard error to /dev/null.
    static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, scratch: String) -> Run {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, scratch, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv + [nil], environ)
        guard spawned == 0 else { return Run(seconds: 0, peakKilobytes: 0, cpuSeconds: 0, status: -1, outputBytes: 0) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1, errno == EINTR {}
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let size = (try? FileManager.default.attributesOfItem(atPath: scratch)[.size] as? Int) ?? 0
        // WEXITSTATUS: the exit code sits in bits 8-15.
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Run(seconds: elapsed, peakKilobytes: Int(usage.ru_maxrss), cpuSeconds: cpu,
                   status: (status >> 8) & 0xff, outputBytes: size, walls: [elapsed])
    }

    /// The least wall time and the least CPU time of `runs` runs (none discarded: the first run is a real
    /// user's first run too), each on its own, with the largest peak memory seen. `before` runs, untimed, before
    /// each run.
    static func best(runs: Int, _ executable: String, _ arguments: [String], stdin: String? = nil,
                     scratch: String, before: (() -> Void)? = nil) -> Run {
        var best: Run? = nil
        for _ in 0..<max(runs, 1) {
            before?()
            let run = run(executable, arguments, stdin: stdin, scratch: scratch)
            if var kept = best {
                kept.seconds = min(kept.seconds, run.seconds)
                kept.cpuSeconds = min(kept.cpuSeconds, run.cpuSeconds)
                kept.peakKilobytes = max(kept.peakKilobytes, run.peakKilobytes)
                kept.walls += run.walls
                best = kept
            } else {
                best = run
            }
        }
        return best ?? run(executable, arguments, stdin: stdin, scratch: scratch)
    }
}
