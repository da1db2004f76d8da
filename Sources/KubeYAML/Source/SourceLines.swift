/// A file's text with the byte offset where each line starts, found in one pass: a reporter that prints the
/// source line of thousands of findings looks each one up instead of walking the file from its first byte.
package struct SourceLines: Sendable {
    package let file: SourceFile
    /// `starts[n - 1]` is the byte offset of line `n`: 0, then one past every line feed.
    private let starts: [Int]

    package init(_ file: SourceFile) {
        self.file = file
        var starts = [0]
        file.bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
        }
        self.starts = starts
    }

    /// The text of a 1-based line without its line break (nor a carriage return before it), or nil past the
    /// end: the same answer as `SourceFile.line(_:)`.
    package func line(_ number: Int32) -> String? {
        guard number >= 1, Int(number) <= starts.count else { return nil }
        let start = starts[Int(number) - 1]
        let bytes = file.bytes
        var end = Int(number) < starts.count ? starts[Int(number)] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
