import Dispatch

/// Times a closure: best of `runs`, after one warm-up run. Wall clock, nanosecond resolution.
enum Stopwatch {
    static func best<T>(runs: Int = 5, _ body: () -> T) -> (seconds: Double, result: T) {
        var result = body()
        var best = Double.infinity
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            result = body()
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            best = min(best, elapsed)
        }
        return (best, result)
    }

    /// Runs every body once per round, in turn, for `rounds` rounds; returns each body's best time.
    static func interleaved(rounds: Int, _ bodies: [() -> Int]) -> [Double] {
        var best = Array(repeating: Double.infinity, count: bodies.count)
        var sink = 0
        for round in 0...rounds {
            for (index, body) in bodies.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                sink &+= body()
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                if round > 0 { best[index] = min(best[index], elapsed) }
            }
        }
        if sink == Int.min { print(sink) }
        return best
    }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}

import Foundation
