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
}
