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

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? String(format: "%.1f ms", seconds * 1000) : String(format: "%.2f s", seconds)
    }
}

import Foundation
