import Foundation
import KubeYAML

/// Takes one emitted file as soon as it is made (the CLI writes it to disk). Called from several threads at once,
/// once per file, never twice for one path.
package typealias OutputSink = @Sendable (OutputFile) throws -> Void

/// A file a streamed compile wrote: its path and size, for the summary (the bytes are gone by then).
package struct WrittenFile: Sendable, Hashable {
    package var path: String
    package var byteCount: Int

    package init(path: String, byteCount: Int) {
        self.path = path
        self.byteCount = byteCount
    }
}

/// Hands emitted files to a sink from any thread: each passes `OutputFileCheck` first (a refused file becomes an
/// error instead), and the first error the sink throws stops further deliveries and is kept for `finish`.
///
/// A `final class` for its identity: the emitters running side by side share one, behind a lock.
final class OutputDelivery: @unchecked Sendable {
    private let sink: OutputSink
    private let lock = NSLock()
    private var written: [WrittenFile] = []
    private var refused: [(path: String, diagnostic: Diagnostic)] = []
    private var failure: (any Error)?

    init(sink: @escaping OutputSink) {
        self.sink = sink
    }

    /// Checks a file and passes it on (or records why it was refused).
    func deliver(_ file: OutputFile) {
        if let problem = OutputFileCheck.problem(file) {
            let diagnostic = Diagnostic(
                rule: OutputFileCheck.ruleID, severity: .error,
                message: "output \(DataplaneInputGuard.excerpt(file.path)) not written: \(problem)")
            lock.withLock { refused.append((file.path, diagnostic)) }
            return
        }
        guard lock.withLock({ failure == nil }) else { return }
        do {
            try sink(file)
            lock.withLock { written.append(WrittenFile(path: file.path, byteCount: file.contents.count)) }
        } catch {
            lock.withLock { if failure == nil { failure = error } }
        }
    }

    /// What was written, sorted by path, the refusals in path order, and the sink's first error.
    func finish() -> (written: [WrittenFile], refused: [Diagnostic], failure: (any Error)?) {
        lock.withLock {
            let refusals = refused.sorted { $0.path < $1.path }.map(\.diagnostic)
            return (written.sorted { $0.path < $1.path }, refusals, failure)
        }
    }
}

/// A sink that keeps every file in memory (the emitters' callers that want `[OutputFile]`: tests, `diff`).
final class FileCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [OutputFile] = []

    func add(_ file: OutputFile) {
        lock.withLock { collected.append(file) }
    }

    /// The files in arrival order.
    var files: [OutputFile] { lock.withLock { collected } }
}
