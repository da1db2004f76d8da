import KubeLint
import KubeYAML
import Testing

/// The text report never sends a control byte from the input to the terminal.
struct TextReporterEscapingTests {
    static func render(_ line: String, message: String = "bad value") -> String {
        let file = SourceFile(path: "in.yaml", text: "a: 1\n" + line + "\n")
        let diagnostic = Diagnostic(
            rule: "test-rule", severity: .error, message: message,
            range: SourceRange(file: "in.yaml", line: 2, column: 12))
        return TextReporter.render([diagnostic], context: ReportContext(files: [file], documentCount: 1))
    }

    @Test func escAndBelInAnExcerptArePrintedAsPictures() {
        let output = Self.render("name: \"x\u{1B}]0;pwned\u{07}\u{1B}[2J\"")
        #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(output.contains("    name: \"x\u{241B}]0;pwned\u{2407}\u{241B}[2J\"\n"))
    }

    @Test func theCaretStaysUnderTheColumnAfterAnEscapedByte() {
        let output = Self.render("name: \"\u{1B}bcdefgh\"")
        #expect(output.contains("    name: \"\u{241B}bcdefgh\"\n               ^\n"))
    }

    @Test func controlBytesInAMessageAreEscaped() {
        let output = Self.render("name: x", message: "name 'a\rb' is invalid")
        #expect(output.contains("name 'a\u{240D}b' is invalid"))
        #expect(!output.contains("\r"))
    }

    @Test(arguments: [8, 9, 15, 16, 23])
    func aControlByteAfterTheFirstWordsOfAMessageIsEscaped(offset: Int) {
        for control in ["\u{1B}", "\u{7F}", "\u{85}"] {
            let message = String(repeating: "m", count: offset) + control + "tail"
            let output = Self.render("name: x", message: message)
            #expect(!output.unicodeScalars.contains { $0 == control.unicodeScalars.first })
        }
    }
}
