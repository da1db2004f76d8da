import KubeYAML
import Testing

/// `SourceLines` answers exactly what `SourceFile.line(_:)` answers, for every line and one past the end.
struct SourceLinesTests {
    @Test(arguments: [
        "", "a", "a\n", "a\nb", "a\r\nb\r\n", "\n\n", "one\ntwo\n\nfour", "x\r", "\r\n", "é: ü\nñ\n",
    ])
    func agreesWithTheWalkingLookup(text: String) {
        let file = SourceFile(path: "f.yaml", text: text)
        let lines = SourceLines(file)
        for number in Int32(-1)...Int32(text.utf8.count + 2) {
            #expect(lines.line(number) == file.line(number), "line \(number) of \(text.debugDescription)")
        }
    }

    @Test func findsTheLastLineOfAFileWithoutFinalNewline() {
        let lines = SourceLines(SourceFile(path: "f.yaml", text: "kind: A\nname: b"))
        #expect(lines.line(2) == "name: b")
        #expect(lines.line(3) == nil)
    }

    /// Line feeds at every offset of the eight-byte words the index is built from, and next to bytes whose
    /// value is one away from a line feed (0x0B, 0x09) or has the high bit set.
    @Test(arguments: Array(0..<24))
    func findsEveryLineFeedWhateverItsPlaceInAWord(offset: Int) {
        let filler: [UInt8] = [0x61, 0x0B, 0x09, 0xC3, 0xA9, 0x0D, 0x8A, 0x20]
        var bytes: [UInt8] = []
        for index in 0..<(40 + offset) {
            bytes.append(index % 7 == offset % 7 || index == offset ? 0x0A : filler[index % filler.count])
        }
        let file = SourceFile(path: "f.yaml", bytes: bytes)
        let lines = SourceLines(file)
        for number in Int32(0)...Int32(bytes.count + 2) {
            #expect(lines.line(number) == file.line(number), "line \(number) at offset \(offset)")
        }
    }
}
