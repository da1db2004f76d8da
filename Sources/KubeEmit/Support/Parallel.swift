import Dispatch
import Foundation

/// Independent work spread over the machine's cores (ARCHITECTURE.md: "use both cores where work is
/// independent"). Results keep their index order, so output never depends on scheduling.
enum Parallel {
    /// `body(0..<count)` evaluated concurrently, collected in index order.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if count <= 1 { return (0..<count).map(body) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: count) { index in
                slots.base?.advanced(by: index).pointee = body(index)
            }
        }
        return results.compactMap { $0 }
    }

    /// `body(0..<count)` evaluated concurrently, collected in index order; the indices in `first` are started
    /// before the others (the longest jobs, so that no core is left alone with a long one at the end).
    static func map<T: Sendable>(_ count: Int, startingWith first: [Int], _ body: @Sendable (Int) -> T) -> [T] {
        let order = startOrder(count, first: first)
        let results = map(order.count) { body(order[$0]) }
        var placed = [T?](repeating: nil, count: count)
        for (position, index) in order.enumerated() { placed[index] = results[position] }
        return placed.compactMap { $0 }
    }

    /// `0..<count` with the valid indices of `first` moved to the front (each once, in their order).
    static func startOrder(_ count: Int, first: [Int]) -> [Int] {
        var chosen = Set<Int>()
        let front = first.filter { (0..<count).contains($0) && chosen.insert($0).inserted }
        return front + (0..<count).filter { !chosen.contains($0) }
    }

    /// `body(0..<count)` evaluated concurrently, for its effects.
    static func forEach(_ count: Int, _ body: @Sendable (Int) -> Void) {
        if count <= 1 {
            (0..<count).forEach(body)
        } else {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }

    /// Result slots; each concurrent iteration writes only its own index.
    private struct Slots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T?>?
    }

    /// Splits `0..<total` into at most one contiguous range per core (at least `minimum` items each).
    static func chunks(_ total: Int, minimum: Int = 512) -> [Range<Int>] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let count = max(1, min(cores, total / max(minimum, 1)))
        let size = (total + count - 1) / count
        return (0..<count).map { index in (index * size)..<min(total, (index + 1) * size) }.filter { !$0.isEmpty }
    }
}
