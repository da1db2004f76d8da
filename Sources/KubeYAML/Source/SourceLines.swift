/// A file's text with the byte offset where each line starts, found in one pass: a reporter that prints the
/// source line of thousands of findings looks each one up instead of walking the file from its first byte.
package struct SourceLines: Sendable {
    package let file: SourceFile
    /// `starts[n - 1]` is the byte offset of line `n`: 0, then one past every line feed.
    private let starts: [Int]

    package init(_ file: SourceFile) {
        self.file = file
        self.starts = Self.lineStarts(file.bytes)
    }

    /// The text of a 1-based line without its line break (nor a carriage return before it), or nil past the
    /// end: the same answer as `SourceFile.line(_:)`.
    package func line(_ number: Int32) -> String? {
        guard let range = byteRange(ofLine: number) else { return nil }
        return String(decoding: file.bytes[range], as: UTF8.self)
    }

    /// Where `line(number)`'s bytes are in `file.bytes`, or nil past the end.
    package func byteRange(ofLine number: Int32) -> Range<Int>? {
        guard number >= 1, Int(number) <= starts.count else { return nil }
        let start = starts[Int(number) - 1]
        let bytes = file.bytes
        var end = Int(number) < starts.count ? starts[Int(number)] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<end
    }

    /// 0, then one past every line feed. Eight bytes at a time: the line feeds of a word are found with a few
    /// integer operations, so a 60 kB file costs microseconds rather than one test per byte.
    private static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 24 + 16)
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            let count = buffer.count
            var index = 0
            let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            while index + 8 <= count {
                // `x` has a zero byte exactly where the word has a line feed; `found` gets that byte's high bit
                // (byte `k` of the word is the file's byte `index + k`: bits 8k to 8k + 7).
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let x = word ^ 0x0A0A_0A0A_0A0A_0A0A
                var found = ~(((x & low) &+ low) | x | low)
                while found != 0 {
                    starts.append(index + found.trailingZeroBitCount / 8 + 1)
                    found &= found &- 1
                }
                index += 8
            }
            while index < count {
                if buffer[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
                index += 1
            }
        }
        return starts
    }
}
