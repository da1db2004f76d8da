import Foundation
import KubeTestSupport
import KubeYAML
import Testing

/// The fast scanner against its oracle, libyaml: on every input the two trees (records with marks, styles,
/// types and flags, children, arena, roots, diagnostics) are identical, or the fast scanner gave up.
@Suite struct FastScannerDifferentialTests {
    static let corpusPresent = !FastScannerOracle.corpusFiles.isEmpty

    @Test(.enabled(if: corpusPresent || RealTool.isCI, "the shared corpus is not beside this checkout"))
    func everyCorpusFileMatchesLibYAMLOrIsGivenUp() {
        let files = FastScannerOracle.corpusFiles
        #expect(!files.isEmpty)
        for path in files {
            let outcome = FastScannerOracle.compare(FastScannerOracle.bytes(path), file: path)
            if case .differs(let message) = outcome { Issue.record(Comment(rawValue: message)) }
        }
    }

    /// A regression to "always give up" fails here: most real manifests are inside the subset.
    @Test(.enabled(if: corpusPresent || RealTool.isCI, "the shared corpus is not beside this checkout"))
    func mostCorpusFilesAreHandled() {
        let files = FastScannerOracle.corpusFiles
        let handled = files.filter {
            FastScannerOracle.compare(FastScannerOracle.bytes($0), file: $0) == .same
        }
        #expect(files.count > 100)
        #expect(handled.count * 10 >= files.count * 8, "handled \(handled.count) of \(files.count)")
    }

    @Test func everyRepositoryFixtureMatchesLibYAMLOrIsGivenUp() {
        let files = FastScannerOracle.repositoryFiles
        #expect(files.count > 10)
        for path in files {
            let outcome = FastScannerOracle.compare(FastScannerOracle.bytes(path), file: path)
            if case .differs(let message) = outcome { Issue.record(Comment(rawValue: message)) }
        }
    }

    /// The generated benchmark shapes (`kubec-bench generate apps|findings|density|dataplane|reach`, small
    /// sizes, one file each) are all inside the subset and match.
    @Test func everyBenchmarkShapeIsHandledAndMatches() {
        let files = FastScannerOracle.benchmarkFiles
        #expect(files.count == 5)
        for path in files {
            #expect(FastScannerOracle.compare(FastScannerOracle.bytes(path), file: path) == .same, "\(path)")
        }
    }

    /// Opt-in: every file under `$FAST_SCANNER_INPUTS` (e.g. a full-size `kubec-bench generate` folder) must
    /// be handled and match.
    static let extraFolder = ProcessInfo.processInfo.environment["FAST_SCANNER_INPUTS"]

    @Test(.enabled(if: extraFolder != nil, "FAST_SCANNER_INPUTS is not set"))
    func everyFileOfTheGivenFolderIsHandledAndMatches() throws {
        let files = FastScannerOracle.files(under: try #require(Self.extraFolder))
        #expect(!files.isEmpty)
        for path in files {
            #expect(FastScannerOracle.compare(FastScannerOracle.bytes(path), file: path) == .same, "\(path)")
        }
    }

    static let handledCases: [String] = [
        "a: 1\n",
        "a: 1",
        "a:\n  b: 1\n  c:\n  - x\n  - y: 1\n    z: 2\nd: e\n",
        "- a\n- b: c\n  d: e\n-\n- \n- # c\n",
        "---\n---\n# c\n...\n---\na: 1",
        "a: 1\n...\n---\nb: 2\n...\n",
        "--- # c\na: 1\n--- \n",
        "# only comments\n\n",
        "a: |\n  x\n   y\n\n  z\n\nb: |-\n  q\n# c\nc: >\n  f g\n  h\n\n  i\n   j\n  k\nd: |+\n  k\n\n",
        "a: |\n  x\n  y",
        "a: |\n",
        "a: |",
        "a: |\n\n\n",
        "a: >-\n    deep\n  \n    more\nb: 1\n",
        "a: >\n  x\n  \n",
        "- |\n  x\n- >+\n  y\n\n- z\n",
        "a:\n  b: |  # c\n    line\n      more\n  c: d\n",
        "a: [{key: tier , operator:  In, values: [backend, \"fr\"]}]  # c\nb: {x: y z  , \"q\": 'r'}\nc:  x  y   \n",
        "a: 'it''s'\nb: \"q\\\"\\\\\\n\\t\\u00e9\\x41\\U0001F600\"\n'c': \"d\"\n",
        "名前: 値 # コメント\nb: \"日本\"\nc: [é, ü]\nd: |\n  ü x\n  y",
        "a: {}\nb: []\nc: [ ]\nd: { }\n",
        "key:\n  value\nother: x\n",
        "a:\n- b\n-   c\nd:\n  - e\n",
        "  a: 1\n  b: 2\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\nb: 2\n",
        "a: -1\nb: -x\nc: ?x\nd: :x\n",
        "a: x:y\nb: http://x#y\nc: a # b\n",
        "a: null\nb: true\nc: 1.5\nd: ~\ne: 0x1F\n",
        "a:\n  - b:\n    - c\n  - d\n",
        "a:\n\n  b: 1\n\n\nc: 2\n\n",
        "a: b\n  # deeper comment\nc: d\n",
        "- [a, b]\n- {c: d}\n",
        "a:   \n  b\n",
        "a: b\n\n",
        "a:\n  b:\n  - c\n ",
        "a:\n  b: 1\n    # c",
        "- a:\n    b: 1\n  ",
        String(repeating: "k", count: 900) + ": " + String(repeating: "v", count: 5000) + "\n",
    ]

    @Test(arguments: handledCases)
    func handledInputMatchesLibYAML(_ text: String) {
        #expect(FastScannerOracle.compare(text) == .same)
    }

    static let givenUpCases: [String] = [
        "- - a\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: b\n  c\n", "a: \"b\n  c\"\n", "a:\tb\n",
        "a: b: c\n", "\u{FEFF}a: 1\n", "a: 1\r\n", "%YAML 1.1\n---\na: 1\n", "? a\n: b\n", "a: [b,\n  c]\n",
        "a: |2\n   x\n", "a: {b}\n", "a: [b: c]\n", "a: \"\\q\"\n", "a: 1\n...\nb: 2\n", "abc\n", "a: 1\n b: 2\n",
        "a: \u{85}\n", "a: \u{2028}\n", "a: x\u{7F}\n",
        String(repeating: "k", count: 1100) + ": v\n", String(repeating: "k", count: 900) + String(repeating: " ", count: 200) + ": v\n",
    ]

    @Test(arguments: givenUpCases)
    func inputOutsideTheSubsetIsGivenUp(_ text: String) {
        #expect(FastScannerOracle.compare(text) == .gaveUp)
    }

    /// Limits behave as today: the fast scanner gives up near them, libyaml's loop applies them.
    @Test func tightLimitsMatchOrAreGivenUp() {
        var limits = YAMLLimits()
        limits.maxDepth = 3
        limits.maxScalarBytes = 4
        limits.maxDocumentsPerFile = 2
        limits.maxExpandedNodes = 12
        let inputs = Self.handledCases + FastScannerOracle.benchmarkFiles.map {
            String(decoding: FastScannerOracle.bytes($0), as: UTF8.self)
        }
        var handled = 0
        for text in inputs {
            let outcome = FastScannerOracle.compare(text, limits: limits)
            if case .differs(let message) = outcome { Issue.record(Comment(rawValue: message)) }
            if outcome == .same { handled += 1 }
        }
        #expect(handled > 5)
    }
}
