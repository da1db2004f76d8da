import KubeLint
import KubeYAML
import Testing

/// The text report's exact lines: header, excerpt, caret, hint, with and without colour.
struct TextReporterFormatTests {
    static func render(_ line: String, column: Int32, useColor: Bool = false) -> String {
        let file = SourceFile(path: "in.yaml", text: "a: 1\n" + line + "\n")
        let diagnostic = Diagnostic(
            rule: "test-rule", severity: .warning, message: "bad",
            range: SourceRange(file: "in.yaml", line: 2, column: column),
            object: ObjectIdentity(apiVersion: "apps/v1", kind: "Deployment", namespace: "ns", name: "web"),
            hint: "fix it")
        return TextReporter.render(
            [diagnostic], context: ReportContext(files: [file], documentCount: 1, useColor: useColor))
    }

    @Test func aFindingIsItsHeaderExcerptCaretAndHint() {
        #expect(Self.render("name: x", column: 7) == """
            in.yaml:2:7: warning: bad (Deployment ns/web) [test-rule]
                name: x
                      ^
                hint: fix it
            1 file, 1 document: 0 errors, 1 warning

            """)
    }

    @Test func colourWrapsThePlaceTheSeverityTheCaretAndTheHintLabel() {
        let escape = "\u{1B}["
        #expect(Self.render("name: x", column: 7, useColor: true) == """
            \(escape)1min.yaml:2:7: \(escape)0m\(escape)33mwarning:\(escape)0m bad (Deployment ns/web) [test-rule]
                name: x
                      \(escape)32m^\(escape)0m
                \(escape)36mhint:\(escape)0m fix it
            1 file, 1 document: 0 errors, 1 warning

            """)
    }

    @Test func theCaretPrefixKeepsTabsAndCountsCharacters() {
        #expect(Self.render("\tnamé: x", column: 8).contains("    \tnamé: x\n    \t      ^\n"))
    }

    @Test func theCaretPrefixKeepsTabsOfAnASCIILine() {
        #expect(Self.render("\tname:\tx", column: 8).contains("    \tname:\tx\n    \t     \t^\n"))
    }

    @Test func theExcerptOfACRLFLineEndsBeforeTheCarriageReturn() {
        #expect(Self.render("name: x\r", column: 7).contains("    name: x\n          ^\n"))
    }

    @Test func aCaretPastTheEndOfTheLineIsPaddedWithSpaces() {
        #expect(Self.render("ab", column: 6).contains("    ab\n         ^\n"))
    }
}
