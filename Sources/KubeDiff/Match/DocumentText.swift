import Dispatch
import KubeModel
import KubeYAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The source bytes of each document, for the fast path of the diff: byte-identical documents are equal.
///
/// Most objects are unchanged between two versions of a manifest set, and for those comparing the text
/// (one `memcmp`-like pass) is far cheaper than walking both trees. A document qualifies when its root
/// starts at column 1 and ends at the start of a line (a block mapping followed by `---` or the end of the
/// file), so whole lines can be sliced without converting columns to bytes; any other document (flow
/// style, `List` items) takes the tree walk. Equal bytes parse to equal trees, so the shortcut never hides
/// a change.
struct DocumentText {
    private struct FileLines: Sendable {
        let bytes: [UInt8]
        /// Byte offset of the start of each line (index 0 is line 1).
        let starts: [Int]
    }

    private let files: [String: FileLines]

    /// Finds the line starts of every file, files spread over both cores.
    init(_ sourceFiles: [SourceFile]) {
        let slots = ResultSlots<FileLines>(count: sourceFiles.count)
        let body: @Sendable (Int) -> Void = { position in
            let file = sourceFiles[position]
            var starts = [0]
            starts.reserveCapacity(file.bytes.count / 24)
            file.bytes.withUnsafeBufferPointer { buffer in
                for index in buffer.indices where buffer[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
            }
            slots.store(FileLines(bytes: file.bytes, starts: starts), at: position)
        }
        if sourceFiles.count > 1 {
            DispatchQueue.concurrentPerform(iterations: sourceFiles.count, execute: body)
        } else {
            sourceFiles.indices.forEach(body)
        }
        var files: [String: FileLines] = [:]
        files.reserveCapacity(sourceFiles.count)
        for (file, lines) in zip(sourceFiles, slots.values()) { files[file.path] = lines }
        self.files = files
    }

    /// The byte range of a document's lines, or nil when it does not qualify for the fast path.
    private func slice(_ node: YAMLNode) -> (file: FileLines, range: Range<Int>)? {
        let span = node.span
        guard span.start.column == 1, span.end.column == 1, let file = files[node.file] else { return nil }
        let first = Int(span.start.line) - 1
        let last = Int(span.end.line) - 1
        guard first >= 0, first < file.starts.count, last >= first else { return nil }
        let end = last < file.starts.count ? file.starts[last] : file.bytes.count
        return (file, file.starts[first]..<end)
    }

    /// True when both documents qualify and their text is byte for byte the same.
    func identical(_ old: YAMLNode, _ new: YAMLNode, newText: DocumentText) -> Bool {
        guard let lhs = slice(old), let rhs = newText.slice(new), lhs.range.count == rhs.range.count else {
            return false
        }
        return lhs.file.bytes.withUnsafeBufferPointer { left in
            rhs.file.bytes.withUnsafeBufferPointer { right in
                guard let a = left.baseAddress, let b = right.baseAddress else { return lhs.range.isEmpty }
                return memcmp(a + lhs.range.lowerBound, b + rhs.range.lowerBound, lhs.range.count) == 0
            }
        }
    }
}
