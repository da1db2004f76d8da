import Dispatch

/// A value one thread makes and others wait for (`compile`'s plan: the planning thread goes on to write the
/// outputs from it while the linter reads its findings).
///
/// A `final class` for its identity: stored once by `put`; `value` waits for it, from any thread and as often as
/// asked (each reader passes the signal on to the next).
final class Handover<Value: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var stored: Value?

    /// Stores the value and releases every reader. Called once.
    func put(_ value: Value) {
        stored = value
        ready.signal()
    }

    /// The value, once it is there (the semaphore orders the writer's store before this read).
    var value: Value {
        ready.wait()
        defer { ready.signal() }
        guard let stored else { preconditionFailure("the value was handed over empty") }
        return stored
    }
}
