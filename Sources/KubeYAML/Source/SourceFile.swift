/// One input as read from disk or standard input, kept for reporters that print the offending line.
package struct SourceFile: Sendable {
    /// The path as the user gave it, or `<stdin>`.
    package let path: String
    package let bytes: [UInt8]

    package init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    package init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The text of a 1-based line without its line break, or nil past the end.
    ///
    /// Walks the file up to the line: for one lookup. A reporter printing many lines uses `SourceLines`.
    package func line(_ number: Int32) -> String? {
        guard number >= 1 else { return nil }
        var current: Int32 = 1
        var start = 0
        var index = 0
        let count = bytes.count
        while index < count, current < number {
            if bytes[index] == UInt8(ascii: "\n") {
                current += 1
                start = index + 1
            }
            index += 1
        }
        guard current == number, start <= count else { return nil }
        var end = start
        while end < count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        var slice = bytes[start..<end]
        if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}
