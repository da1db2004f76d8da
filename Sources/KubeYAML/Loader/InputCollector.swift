import Foundation
#if canImport(Glibc)
import Glibc

/// `read(2)` (InputCollector has a `read` of its own).
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin

private let systemRead = Darwin.read
#endif

/// Turns command-line paths into the list of inputs to read: files as given, directories walked
/// recursively in sorted order for `.yaml`, `.yml` and `.json`, and `-` for standard input.
package enum InputCollector {
    /// One input to read.
    package enum Input: Hashable, Sendable {
        case file(String)
        case standardInput
    }

    /// The kustomization files kustomize would read in the folders of the given files, when they are not inputs
    /// themselves: they say which of those files are patches (see `DocumentClassifier`), so a patch linted alone
    /// is still read as a patch.
    package static func kustomizationsBeside(_ inputs: [Input]) -> [Input] {
        var given = Set<String>()
        var folders: [String] = []
        for case .file(let path) in inputs {
            given.insert(path)
            let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
            if !folders.contains(folder) { folders.append(folder) }
        }
        var found: [Input] = []
        for folder in folders {
            for name in ["kustomization.yaml", "kustomization.yml", "Kustomization"] {
                let path = folder == "." ? name : folder + "/" + name
                if !given.contains(path), FileManager.default.isReadableFile(atPath: path) {
                    found.append(.file(path))
                    break
                }
            }
        }
        return found
    }

    /// The file extensions a directory walk picks up.
    package static let extensions: Set<String> = ["yaml", "yml", "json"]

    /// Expands paths; a path that does not exist is an `input-unreadable` error (the CLI exits 2 on it).
    package static func collect(_ paths: [String]) -> (inputs: [Input], diagnostics: [Diagnostic]) {
        var inputs: [Input] = []
        var diagnostics: [Diagnostic] = []
        var seen = Set<Input>()
        let manager = FileManager.default
        for path in paths {
            if path == "-" {
                if seen.insert(.standardInput).inserted { inputs.append(.standardInput) }
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(
                    rule: YAMLRuleID.unreadable, severity: .error, message: "no such file or directory: \(path)"))
                continue
            }
            if isDirectory.boolValue {
                for file in walk(path) where seen.insert(.file(file)).inserted { inputs.append(.file(file)) }
            } else if seen.insert(.file(path)).inserted {
                inputs.append(.file(path))
            }
        }
        return (inputs, diagnostics)
    }

    private static func walk(_ directory: String) -> [String] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let ext = (relative as NSString).pathExtension.lowercased()
            guard extensions.contains(ext) else { continue }
            let full = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(full)
            }
        }
        // Byte order, not locale order: the same on every machine.
        return files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// What reading one input gave.
    package enum ReadOutcome {
        case success(SourceFile)
        case failure(Diagnostic)
    }

    /// Reads an input, enforcing the size limit. Errors become diagnostics.
    package static func read(_ input: Input, limits: YAMLLimits) -> ReadOutcome {
        switch input {
        case .standardInput:
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard data.count <= limits.maxFileBytes else { return .failure(tooLarge("<stdin>", limits)) }
            return .success(SourceFile(path: "<stdin>", bytes: [UInt8](data)))
        case .file(let path):
            // `stat`, not `attributesOfItem`: the size is all that is needed, and every input file asks.
            var status = stat()
            if stat(path, &status) == 0, Int(status.st_size) > limits.maxFileBytes {
                return .failure(tooLarge(path, limits))
            }
            guard let bytes = contents(of: path, limit: limits.maxFileBytes) else {
                return .failure(Diagnostic(
                    rule: YAMLRuleID.unreadable, severity: .error, message: "cannot read \(path)",
                    range: nil))
            }
            guard bytes.count <= limits.maxFileBytes else { return .failure(tooLarge(path, limits)) }
            return .success(SourceFile(path: path, bytes: bytes))
        }
    }

    /// A file's bytes read straight into an array (no `Data` in between, no second copy), or nil when it cannot
    /// be opened or read. Files that are not what `stat` says (pipes, growing files) are read on in further
    /// chunks, until their end or until they are over `limit`.
    private static func contents(of path: String, limit: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        // One byte more than the size: reading nothing there confirms the end without another call's copy.
        var capacity = max(Int(status.st_size), 0) + 1
        var bytes: [UInt8] = []
        while true {
            var failed = false
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
                count = 0
                guard let base = buffer.baseAddress else { return }
                while count < buffer.count {
                    let got = systemRead(descriptor, base + count, buffer.count - count)
                    if got < 0, errno == EINTR { continue }
                    if got < 0 { failed = true }
                    if got <= 0 { return }
                    count += got
                }
            }
            if failed { return nil }
            if bytes.isEmpty { bytes = chunk } else { bytes.append(contentsOf: chunk) }
            if chunk.count < capacity || bytes.count > limit { return bytes }
            capacity = max(1 << 16, bytes.count)
        }
    }

    private static func tooLarge(_ path: String, _ limits: YAMLLimits) -> Diagnostic {
        Diagnostic(
            rule: YAMLRuleID.fileSize, severity: .error,
            message: "\(path) is larger than \(limits.maxFileBytes) bytes; not read",
            range: SourceRange(file: path, line: 1, column: 1),
            hint: "split the file; the API server refuses objects over 1.5 MiB anyway")
    }
}
