import Dispatch

/// Runs independent pieces of an emitter on both cores and returns their results in index order.
///
/// Each task writes only its own slot of a preallocated buffer, so there is no shared mutable state; the
/// results are then read in order, which keeps the output deterministic whatever the scheduling.
enum ParallelSlots {
    /// `(0..<count).map(body)`, with the calls spread over the cores.
    static func map<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(body) }
        let slots = Slots<T>(count: count)
        defer { slots.release() }
        withoutActuallyEscaping(body) { body in
            let task = Task(body: body, slots: slots)
            DispatchQueue.concurrentPerform(iterations: count) { task.run($0) }
        }
        return slots.take()
    }

    /// The closure and its slots, handed to the worker threads.
    private struct Task<T>: @unchecked Sendable {
        let body: (Int) -> T
        let slots: Slots<T>

        func run(_ index: Int) { slots.buffer[index] = body(index) }
    }

    /// A buffer of optional results, one per index, written once each by distinct tasks.
    private struct Slots<T>: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<T?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        func take() -> [T] { buffer.compactMap { $0 } }

        func release() {
            _ = buffer.deinitialize()
            buffer.deallocate()
        }
    }
}
