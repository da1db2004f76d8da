import Dispatch

/// One computation started on another core now and awaited later (`compile` plans while it lints).
///
/// A `final class` for its identity: the worker stores the value once; `value`, read from the thread that
/// started the work, waits for it the first time.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?
    private var waited = false

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = work()
            self.done.signal()
        }
    }

    /// The computed value (the semaphore orders the worker's write before this read).
    var value: Value {
        if !waited {
            done.wait()
            waited = true
        }
        guard let result else { preconditionFailure("the background work stored no value") }
        return result
    }
}
