import Dispatch
import KubeYAML

/// Two computations at once: one on the calling thread, one on a thread of its own.
///
/// The plan already runs inside `concurrentPerform` (beside the Service conversion) while the linter holds the
/// other core, so a nested `concurrentPerform` would run its iterations one after the other on the calling
/// thread; a serial queue of its own always gets a thread. Results do not depend on which finishes first.
enum SideBySide {
    /// `here()` on the calling thread and `there()` on another, both results once both are done.
    static func run<Here, There>(
        _ here: () -> Here, alongside there: @escaping @Sendable () -> There
    ) -> (Here, There) {
        let slot = ResultSlots<There>(count: 1)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue(label: "kubec.plan.side").async {
            slot.store(there(), at: 0)
            done.signal()
        }
        let local = here()
        done.wait()
        guard let remote = slot.values().first else { preconditionFailure("the side computation stored no value") }
        return (local, remote)
    }

    /// Lets go of a large value on another thread (its memory is returned there, off the caller's path).
    static func release<Value>(_ value: consuming Value) where Value: Sendable {
        let held = value
        DispatchQueue(label: "kubec.plan.release").async { withExtendedLifetime(held) {} }
    }
}
