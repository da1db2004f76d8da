import Dispatch

/// Loads YAML and JSON inputs into document trees with positions, using both cores across files.
///
/// Output order is input order whatever the thread timing: each file's result lands in its own slot.
package enum YAMLLoader {
    /// Reads and parses every input. Unreadable inputs and parse problems become diagnostics.
    ///
    /// Each file is read and parsed by the same worker, one right after the other, on both cores.
    package static func load(_ inputs: [InputCollector.Input], limits: YAMLLimits = .default) -> YAMLLoadResult {
        let work: @Sendable (Int) -> (InputCollector.ReadOutcome, ParsedFile?) = { index in
            let outcome = InputCollector.read(inputs[index], limits: limits)
            guard case .success(let file) = outcome else { return (outcome, nil) }
            return (outcome, ParsedFile(FileParser.parse(file: file.path, bytes: file.bytes, limits: limits)))
        }
        let results: [(InputCollector.ReadOutcome, ParsedFile?)]
        if inputs.count < 2 {
            results = inputs.indices.map(work)
        } else {
            let slots = ResultSlots<(InputCollector.ReadOutcome, ParsedFile?)>(count: inputs.count)
            DispatchQueue.concurrentPerform(iterations: inputs.count) { slots.store(work($0), at: $0) }
            results = slots.values()
        }
        var files: [SourceFile] = []
        var outputs: [ParsedFile] = []
        var readDiagnostics: [Diagnostic] = []
        for (outcome, output) in results {
            switch outcome {
            case .success(let file): files.append(file)
            case .failure(let diagnostic): readDiagnostics.append(diagnostic)
            }
            if let output { outputs.append(output) }
        }
        var result = assemble(files, outputs)
        result.diagnostics = readDiagnostics + result.diagnostics
        return result
    }

    /// Parses files already in memory (tests, stdin, the benchmark).
    package static func load(_ files: [SourceFile], limits: YAMLLimits = .default) -> YAMLLoadResult {
        assemble(files, parseConcurrently(files, limits: limits))
    }

    /// The documents and diagnostics of parsed files, in file order.
    private static func assemble(_ files: [SourceFile], _ outputs: [ParsedFile]) -> YAMLLoadResult {
        var result = YAMLLoadResult(files: files)
        result.documents.reserveCapacity(outputs.reduce(0) { $0 + $1.documents.count })
        for output in outputs {
            result.diagnostics.append(contentsOf: output.diagnostics)
            result.documents.append(contentsOf: output.documents)
        }
        return result
    }

    /// One file's parse with its documents (`List`s split into their items), made by the worker that parsed
    /// the file, while its tree is still in cache.
    private struct ParsedFile {
        var diagnostics: [Diagnostic]
        var documents: [YAMLDocument] = []

        init(_ output: FileParser.Output) {
            diagnostics = output.diagnostics
            documents.reserveCapacity(output.roots.count)
            for root in output.roots {
                let node = output.tree.node(root.id)
                documents.append(contentsOf: ListSplitter.split(YAMLDocument(root: node, index: root.document)))
            }
        }
    }

    /// Parses one string (tests and examples).
    package static func load(text: String, file: String = "<input>", limits: YAMLLimits = .default) -> YAMLLoadResult {
        load([SourceFile(path: file, text: text)], limits: limits)
    }

    private static func parseConcurrently(_ files: [SourceFile], limits: YAMLLimits) -> [ParsedFile] {
        if files.count < 2 {
            return files.map { ParsedFile(FileParser.parse(file: $0.path, bytes: $0.bytes, limits: limits)) }
        }
        let slots = ResultSlots<ParsedFile>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            slots.store(ParsedFile(FileParser.parse(file: file.path, bytes: file.bytes, limits: limits)), at: index)
        }
        return slots.values()
    }
}

/// Fixed slots that concurrent workers fill, one index each, read after they all finish.
///
/// Backed by raw memory allocated once, so two workers writing different slots never touch shared array
/// bookkeeping.
package final class ResultSlots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    package init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.baseAddress?.deinitialize(count: storage.count)
        storage.deallocate()
    }

    /// Each index is written by exactly one worker, and read only after the workers have finished.
    package func store(_ value: Value, at index: Int) { storage[index] = value }

    package func values() -> [Value] { storage.compactMap { $0 } }
}
