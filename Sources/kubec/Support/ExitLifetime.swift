/// Values a command keeps until the process exits instead of freeing them on return.
///
/// A lint of tens of thousands of documents holds hundreds of thousands of small objects (trees, typed
/// objects, findings); freeing them one by one just before `exit` takes longer than reading some of them did,
/// and the operating system takes the whole heap back at once anyway (compilers skip this work the same way:
/// clang's `-disable-free`). Only for what a command's `run` holds at its very end.
enum ExitLifetime {
    /// Keeps `value` alive until the process exits.
    static func keep<T>(_ value: T) {
        _ = Unmanaged.passRetained(Box(value))
    }

    private final class Box<T> {
        let value: T
        init(_ value: T) { self.value = value }
    }
}
